package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.IdMap;

/** {@code <idmap>} of a domain or a filesystem (virDomainIdmapDefParseXML and its formatter). */
final class IdMapCodec {
    private IdMapCodec() {
    }

    /** The map, or null without {@code <idmap>}; its uid and gid lists are sorted by start. */
    static IdMap parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        List<IdMap.Entry> uids = entries(n.children("uid"));
        List<IdMap.Entry> gids = entries(n.children("gid"));
        n.requireFullyRead();
        if (uids.isEmpty() != gids.isEmpty()) {
            throw XmlErrors.xml("uid and gid should be mapped both");
        }
        return new IdMap(uids, gids);
    }

    private static List<IdMap.Entry> entries(List<Node> nodes) throws VirtException {
        List<IdMap.Entry> out = new ArrayList<>();
        for (Node e : nodes) {
            Long start = number(e, "start");
            Long target = number(e, "target");
            Long count = number(e, "count");
            if (start == null || target == null || count == null) {
                throw XmlErrors.xml("invalid idmap start/target/count settings");
            }
            e.requireFullyRead();
            out.add(new IdMap.Entry(start, target, count));
        }
        out.sort(Comparator.comparingLong(IdMap.Entry::start));
        if (!out.isEmpty() && out.get(0).start() != 0) {
            // the container's root must map to some host user
            throw XmlErrors.xml("You must map the root user of container");
        }
        return out;
    }

    /** virXPathUInt: an unsigned int, null when absent or not a number. */
    private static Long number(Node e, String attr) {
        String v = e.attr(attr);
        Long l = v == null ? null : Num.parse(v.trim(), 10);
        return l == null || l < 0 || l > 0xFFFF_FFFFL ? null : l;
    }

    static Out format(IdMap m) {
        if (m == null || m.uids().isEmpty() && m.gids().isEmpty()) {
            return null;
        }
        Out o = new Out("idmap");
        for (IdMap.Entry e : m.uids()) {
            o.child(entry("uid", e));
        }
        for (IdMap.Entry e : m.gids()) {
            o.child(entry("gid", e));
        }
        return o;
    }

    private static Out entry(String name, IdMap.Entry e) {
        return new Out(name).attr("start", e.start()).attr("target", e.target()).attr("count", e.count());
    }
}
