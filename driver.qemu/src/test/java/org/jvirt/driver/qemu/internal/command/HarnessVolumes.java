package org.jvirt.driver.qemu.internal.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.volume.VolumeResolver;

/**
 * libvirt's fake storage driver of qemuxmlconftest: a volume named {@code TYPE+NAME} is a volume of that
 * type at {@code /some/TYPE/device/NAME} (a name without '+' a block device), the pool {@code inactive}
 * is not active, the volume {@code nonexistent} does not exist, and a pool's type comes from
 * {@code storagepoolxml2xmlout/<pool>.xml}.
 */
final class HarnessVolumes implements VolumeResolver {
    private static final Pattern POOL_TYPE = Pattern.compile("<pool\\s+type=['\"]([^'\"]+)['\"]");
    private final Path pools;

    /** @param pools the folder of the pool XML files */
    HarnessVolumes(Path pools) {
        this.pools = pools;
    }

    @Override
    public Resolved resolve(String pool, String volume) throws VirtException {
        if (pool.equals("inactive")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "storage pool '" + pool + "' containing volume '" + volume + "' is not active");
        }
        if (volume.equals("nonexistent")) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE,
                    "no storage vol with matching name '" + volume + "'");
        }
        String[] parts = volume.split("\\+", 2);
        String key = parts.length == 2 ? parts[0] : "block";
        String name = parts.length == 2 ? parts[1] : volume;
        String poolType;
        try {
            Matcher m = POOL_TYPE.matcher(Files.readString(pools.resolve(pool + ".xml")));
            poolType = m.find() ? m.group(1) : "dir";
        } catch (IOException e) {
            throw new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE,
                    "no storage pool with matching name '" + pool + "'");
        }
        return new Resolved(poolType, StorageVolType.valueOf(key.toUpperCase()), "/some/" + key + "/device/" + name);
    }
}
