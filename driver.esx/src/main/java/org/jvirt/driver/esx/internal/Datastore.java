package org.jvirt.driver.esx.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.w3c.dom.Element;

/**
 * A datastore as a storage pool, as libvirt's {@code esx_storage_backend_vmfs.c} shows it: named
 * by {@code summary.name}, its UUID the MD5 of the path the connection's host mounts it at
 * ({@code DatastoreHostMount.mountInfo.path}), running while accessible, always persistent and
 * autostarted. The simulator's mounts have no path (libvirt 9.0 then hashes a null pointer and
 * crashes: {@code virsh pool-list} ends with a segmentation fault); jvirt hashes the datastore's
 * {@code summary.url} instead, which real hosts set to the same mount point.
 *
 * @param uuid null when the host does not mount it (libvirt then does not show it either)
 * @param mountPath where the host mounts it (the simulator: {@code summary.url}), null when it does not
 */
record Datastore(MoRef ref, String name, UUID uuid, boolean accessible, long capacity, long freeSpace,
                 String mountPath) {

    static final List<String> PROPERTIES = List.of("summary.name", "summary.accessible", "summary.capacity",
            "summary.freeSpace", "summary.url", "host");

    static Datastore of(ObjectContent ds, MoRef hostSystem) throws VirtException {
        String path = null;
        Element mounts = ds.element("host");
        if (mounts != null) {
            for (Element mount : SoapXml.children(mounts, null)) {
                Element key = SoapXml.child(mount, "key");
                Element info = SoapXml.child(mount, "mountInfo");
                if (key != null && info != null && hostSystem.value().equals(key.getTextContent().trim())) {
                    path = SoapXml.childText(info, "path");
                    if (path == null || path.isEmpty()) {
                        path = ds.string("summary.url");
                    }
                }
            }
        }
        return new Datastore(ds.obj(), ds.requiredString("summary.name"), path == null ? null : md5Uuid(path),
                ds.bool("summary.accessible", false), ds.longValue("summary.capacity", 0),
                ds.longValue("summary.freeSpace", 0), path);
    }

    /** libvirt's {@code virCryptoHashBuf(MD5)} of the path, taken as the 16 bytes of a UUID. */
    static UUID md5Uuid(String path) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(path.getBytes(StandardCharsets.UTF_8));
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (d[i] & 0xff);
                lo = (lo << 8) | (d[i + 8] & 0xff);
            }
            return new UUID(hi, lo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no MD5 in this JDK", e);
        }
    }

    StoragePoolRef poolRef() {
        return new StoragePoolRef(name, uuid);
    }

    /** {@code esxStoragePoolGetInfo}. */
    StoragePoolInfo info() {
        return new StoragePoolInfo(accessible ? StoragePoolState.RUNNING : StoragePoolState.INACCESSIBLE, capacity,
                capacity - freeSpace, freeSpace);
    }
}
