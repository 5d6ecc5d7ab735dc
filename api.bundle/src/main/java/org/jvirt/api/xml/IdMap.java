package org.jvirt.api.xml;

import java.util.List;

/**
 * An {@code <idmap>}: user namespace mappings of a container (on the domain) or of virtiofs (on a
 * filesystem), as libvirt's virDomainIdMapDef. The parser sorts each list by {@code start}.
 *
 * @param uids the {@code <uid>} entries, never null
 * @param gids the {@code <gid>} entries, never null
 */
public record IdMap(List<Entry> uids, List<Entry> gids) {
    public IdMap {
        uids = List.copyOf(uids == null ? List.of() : uids);
        gids = List.copyOf(gids == null ? List.of() : gids);
    }

    /**
     * {@code <uid start= target= count=/>} or {@code <gid .../>}: ids {@code start} ..
     * {@code start+count-1} inside map to {@code target} .. outside.
     *
     * @param start  the first id inside the namespace
     * @param target the first id outside
     * @param count  how many ids
     */
    public record Entry(long start, long target, long count) {
    }
}
