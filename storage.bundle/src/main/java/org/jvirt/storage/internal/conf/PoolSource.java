package org.jvirt.storage.internal.conf;

import java.util.List;

/**
 * A pool's {@code <source>} (libvirt's {@code virStoragePoolSource}); parts a type does not use are
 * null or empty.
 *
 * @param hosts        the {@code <host>} elements
 * @param devices      the {@code <device>} elements
 * @param dir          the cleaned {@code <dir path>}
 * @param adapter      the {@code <adapter>} (scsi), null for none
 * @param name         the source name (defaults to the pool's name for types that have one)
 * @param format       the source format's name, null for types without formats
 * @param auth         the {@code <auth>}, null for none
 * @param protocolVer  the {@code <protocol ver>} (netfs), null for none
 * @param vendor       the {@code <vendor name>}, null for none
 * @param product      the {@code <product name>}, null for none
 * @param initiatorIqn the {@code <initiator><iqn name>}, null for none
 */
public record PoolSource(List<Host> hosts, List<Device> devices, String dir, PoolAdapter adapter, String name,
                         String format, Auth auth, String protocolVer, String vendor, String product,
                         String initiatorIqn) {

    public PoolSource {
        hosts = List.copyOf(hosts);
        devices = List.copyOf(devices);
    }

    /** The first device's path, null for none. */
    public String firstDevice() {
        return devices.isEmpty() ? null : devices.get(0).path();
    }

    /** A {@code <host name port>}; port 0 for none. */
    public record Host(String name, int port) {
    }

    /** A {@code <device path part_separator>}; partSeparator "yes", "no" or null. */
    public record Device(String path, String partSeparator) {
    }

    /**
     * libvirt's {@code virStorageAuthDef}: type "chap", "ceph" or null, the user, and the secret by
     * UUID or usage.
     */
    public record Auth(String type, String username, String secretUuid, String secretUsage) {
    }
}
