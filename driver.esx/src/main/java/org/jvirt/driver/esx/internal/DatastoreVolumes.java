package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.vmx.VmxUuid;

/**
 * The files of a datastore as storage volumes, as libvirt's VMFS storage backend
 * ({@code esx_storage_backend_vmfs.c}) shows them: the disk (VMDK), ISO and floppy image files of
 * every folder, named by their path inside the datastore ({@code vm1/disk1.vmdk}); the path is
 * the datastore path ({@code [datastore1] vm1/disk1.vmdk}); the key is the disk's UUID
 * ({@code QueryVirtualDiskUuid}) on an ESX host, else the datastore path. Creating, copying,
 * deleting and wiping volumes are not served.
 */
final class DatastoreVolumes {
    private final ViClient client;
    private final EsxHost host;
    private final DatastoreBrowser browser;

    DatastoreVolumes(PropertyCollector collector, EsxHost host) {
        this.client = collector.client();
        this.host = host;
        this.browser = new DatastoreBrowser(collector, host);
    }

    /** {@code esxStoragePoolListVolumes} with each volume's key, as {@code esxStorageVolLookupByName} finds it. */
    List<StorageVolRef> list(StoragePoolRef pool, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxStoragePoolListAllVolumes");
        List<StorageVolRef> out = new ArrayList<>();
        for (DatastoreFile f : browser.content(pool.name())) {
            out.add(ref(f));
        }
        return out;
    }

    /**
     * {@code esxStorageVolLookupByName}: the file {@code [pool] name}. Not like libvirt on a vCenter
     * (where the key is the path and libvirt answers any name): the file must exist.
     */
    StorageVolRef byName(StoragePoolRef pool, String name) throws VirtException {
        return ref(browser.file("[" + pool.name() + "] " + name));
    }

    /** {@code esxStorageVolLookupByPath}: a datastore path, {@code [datastore1] vm1/disk1.vmdk}. */
    StorageVolRef byPath(String path) throws VirtException {
        return ref(browser.file(path));
    }

    /**
     * {@code esxStorageVolLookupByKey}: a key in brackets is a path; otherwise the disk with that UUID
     * on one of {@code datastores}, which only an ESX host can tell.
     */
    StorageVolRef byKey(String key, List<String> datastores) throws VirtException {
        if (key.startsWith("[")) {
            return byPath(key);
        }
        if (!hasDiskUuids()) {
            throw ViErrors.internal("QueryVirtualDiskUuid not available, cannot lookup storage volume by UUID");
        }
        for (String ds : datastores) {
            for (DatastoreFile f : browser.content(ds)) {
                if (f.isDisk() && key.equals(diskUuid(f.path()))) {
                    return new StorageVolRef(ds, f.name(), key);
                }
            }
        }
        throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                "No storage volume with key or path '" + key + "'");
    }

    /** {@code esxStorageVolGetInfo}: a disk's capacity is its {@code capacityKb}, other files' their size. */
    StorageVolInfo info(StorageVolRef vol) throws VirtException {
        DatastoreFile f = file(vol);
        return new StorageVolInfo(StorageVolType.FILE, capacity(f), f.fileSize());
    }

    /** {@code esxStorageVolGetXMLDesc}: libvirt's {@code virStorageVolDefFormat} of a file volume. */
    String xml(StorageVolRef vol, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxStorageVolGetXMLDesc");
        DatastoreFile f = file(vol);
        String format = switch (f.type()) {
            case "VmDiskFileInfo" -> "vmdk";
            case "IsoImageFileInfo" -> "iso";
            case "FloppyImageFileInfo" -> "raw";
            default -> throw ViErrors.internal("File '" + f.path() + "' has unknown type");
        };
        return "<volume type='file'>\n"
                + "  <name>" + SoapXml.escape(f.name()) + "</name>\n"
                + "  <key>" + SoapXml.escape(key(f)) + "</key>\n"
                + "  <source/>\n"
                + "  <capacity unit='bytes'>" + capacity(f) + "</capacity>\n"
                + "  <allocation unit='bytes'>" + f.fileSize() + "</allocation>\n"
                + "  <target>\n"
                + "    <path>" + SoapXml.escape(f.path()) + "</path>\n"
                + "    <format type='" + format + "'/>\n"
                + "  </target>\n"
                + "</volume>\n";
    }

    /** {@code esxStorageVolGetPath}. */
    static String path(StorageVolRef vol) {
        return "[" + vol.pool() + "] " + vol.name();
    }

    private DatastoreFile file(StorageVolRef vol) throws VirtException {
        return browser.file(path(vol));
    }

    /**
     * The simulator tells no {@code capacityKb} (libvirt 9.0 then reads a null pointer and crashes
     * in {@code vol-info}); jvirt takes the file's size, as for other files.
     */
    private static long capacity(DatastoreFile f) {
        return f.isDisk() && f.capacityKb() >= 0 ? f.capacityKb() * 1024 : f.fileSize();
    }

    private StorageVolRef ref(DatastoreFile f) throws VirtException {
        return new StorageVolRef(f.datastore(), f.name(), key(f));
    }

    /** {@code esxVI_LookupStorageVolumeKeyByDatastorePath}: a disk's UUID on ESX, else the path. */
    private String key(DatastoreFile f) throws VirtException {
        return f.isDisk() && hasDiskUuids() ? diskUuid(f.path()) : f.path();
    }

    /** libvirt assumes {@code QueryVirtualDiskUuid} on ESX hosts only (esxVI_Context_Connect). */
    private boolean hasDiskUuids() {
        return "esx".equals(client.service().productLine()) && client.service().virtualDiskManager() != null;
    }

    /** {@code QueryVirtualDiskUuid}, reformatted as libvirt's {@code esxUtil_ReformatUuid}. */
    private String diskUuid(String datastorePath) throws VirtException {
        MoRef manager = client.service().virtualDiskManager();
        String answer = client.single("QueryVirtualDiskUuid", manager, SoapXml.element("name", datastorePath)
                + host.datacenter().toXml("datacenter")).getTextContent().trim();
        UUID uuid = VmxUuid.parse(answer);
        if (uuid == null) {
            throw ViErrors.internal("Could not parse UUID from string '" + answer + "'");
        }
        return uuid.toString();
    }
}
