package org.jvirt.driver.qemu.internal.volume;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;

/**
 * Volumes from the host's shared storage driver (the {@code StorageDriver} service, libvirt's
 * {@code virGetConnectStorage}), looked up as {@code virDomainDiskTranslateSourcePool} does: the pool by
 * name, which must be active, the volume by name, its type, path, and the pool's type from its XML.
 */
public final class SharedVolumeResolver implements VolumeResolver {
    private static final Pattern POOL_TYPE = Pattern.compile("<pool\\s+type=['\"]([^'\"]+)['\"]");

    private final Supplier<StorageDriver> drivers;

    /** @param drivers the currently bound storage driver, or null when there is none */
    public SharedVolumeResolver(Supplier<StorageDriver> drivers) {
        this.drivers = drivers;
    }

    @Override
    public Resolved resolve(String pool, String volume) throws VirtException {
        StorageDriver driver = drivers.get();
        if (driver == null) {
            // what libvirt's virConnectOpen("storage:///system") says with no storage driver loaded
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, "storage:///system");
        }
        StorageDriverConnection storage = driver.open(0);
        try {
            StoragePoolRef p = storage.lookupPoolByName(pool);
            if (!storage.poolIsActive(p)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "storage pool '" + pool + "' containing volume '" + volume + "' is not active");
            }
            StorageVolRef v = storage.lookupVolByName(p, volume);
            var info = storage.volInfo(v);
            Matcher m = POOL_TYPE.matcher(storage.poolXml(p, 0));
            String poolType = m.find() ? m.group(1) : "dir";
            return new Resolved(poolType, info.type(), storage.volPath(v));
        } finally {
            storage.close();
        }
    }
}
