package org.jvirt.driver.qemu.internal.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;

/**
 * Resolves the {@code <disk type='volume'>} of a starting guest to the file, block device or directory
 * of its storage volume, as libvirt's {@code virDomainDiskTranslateSourcePool} does before it builds
 * the command line: the pool must exist and be active, the volume must exist; for local pool types
 * the disk becomes the volume's actual type with its path. The persistent definition keeps
 * {@code type='volume'}; the live one names what QEMU opened (libvirt keeps {@code pool}/{@code volume}
 * in the live XML too, which jvirt's one disk model cannot hold beside the path).
 */
public final class GuestVolumes {
    /** libvirt's pool types whose volumes are local paths. */
    private static final Set<String> LOCAL = Set.of("dir", "fs", "netfs", "logical", "disk", "scsi", "zfs", "vstorage");

    private final VolumeResolver resolver;

    public GuestVolumes(VolumeResolver resolver) {
        this.resolver = resolver;
    }

    /** {@code def} with every volume disk translated; the same object when it has none. */
    public DomainDef translate(DomainDef def) throws VirtException {
        if (def.devices().disks().stream().noneMatch(GuestVolumes::isVolume)) {
            return def;
        }
        List<Device> all = new ArrayList<>(def.devices().all());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Disk d && isVolume(d)) {
                all.set(i, translate(d));
            }
        }
        return def.withDevices(def.devices().withAll(all));
    }

    private Disk translate(Disk disk) throws VirtException {
        DiskSource s = disk.source();
        VolumeResolver.Resolved r = resolver.resolve(s.pool(), s.volume());
        if (s.mode() != null && !"iscsi".equals(r.poolType())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "disk source mode is only valid when storage pool is of iscsi type");
        }
        if (!LOCAL.contains(r.poolType())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "using '" + r.poolType() + "' pools for backing 'volume' disks isn't yet supported");
        }
        var source = s.toBuilder().pool(null).volume(null).mode(null);
        String type;
        switch (r.volType()) {
            case FILE -> {
                type = "file";
                source.file(r.path());
            }
            case DIR -> {
                type = "dir";
                source.dir(r.path());
            }
            case BLOCK -> {
                type = "block";
                source.dev(r.path());
            }
            default -> throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "unexpected storage volume type '"
                    + r.volType().name().toLowerCase() + "' for storage pool type '" + r.poolType() + "'");
        }
        return disk.toBuilder().type(type).source(source.build()).build();
    }

    private static boolean isVolume(Disk d) {
        return "volume".equals(d.type()) && d.source() != null && d.source().pool() != null;
    }
}
