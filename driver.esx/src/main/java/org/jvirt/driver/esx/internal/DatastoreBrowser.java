package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.TaskWaiter;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.internal.vi.VimFault;
import org.w3c.dom.Element;

/**
 * A datastore's {@code HostDatastoreBrowser}, searched as libvirt's ESX driver does: the files a
 * datastore holds ({@code esxVI_LookupDatastoreContentByDatastoreName}: {@code
 * SearchDatastoreSubFolders_Task} from the datastore's root) and one file's information
 * ({@code esxVI_LookupFileInfoByDatastorePath}: {@code SearchDatastore_Task} in its folder), both
 * with libvirt's queries (VMDK disks with capacity and controller type, ISO and floppy images).
 * Not like libvirt: the whole-datastore search sends the match pattern {@code *}, which on ESX is
 * the same as none (every file matches) and without which VMware's simulator matches no file.
 */
final class DatastoreBrowser {
    private static final String SPEC = "<query xsi:type=\"VmDiskFileQuery\"><details>"
            + "<diskType>false</diskType><capacityKb>true</capacityKb><hardwareVersion>false</hardwareVersion>"
            + "<controllerType>true</controllerType><diskExtents>false</diskExtents></details></query>"
            + "<query xsi:type=\"IsoImageFileQuery\"/><query xsi:type=\"FloppyImageFileQuery\"/>"
            + "<details><fileType>true</fileType><fileSize>true</fileSize><modification>false</modification>"
            + "</details>";

    private final PropertyCollector collector;
    private final EsxHost host;
    private final TaskWaiter waiter;
    private final Map<String, MoRef> browsers = new ConcurrentHashMap<>();

    DatastoreBrowser(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
        this.waiter = new TaskWaiter(collector.client());
    }

    /** Every disk, ISO and floppy image file on {@code datastore}, in every folder. */
    List<DatastoreFile> content(String datastore) throws VirtException {
        Element value = search("SearchDatastoreSubFolders_Task", datastore, "[" + datastore + "]", "*");
        List<DatastoreFile> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (Element results : SoapXml.children(value, null)) {
            String folder = DatastorePath.parse(SoapXml.childText(results, "folderPath")).directoryAndFile();
            // ESX writes "[ds] dir/", the simulator "[ds]/dir": the directory without separators around it
            folder = folder.replaceAll("^/+", "").replaceAll("/+$", "");
            for (Element file : SoapXml.children(results, "file")) {
                out.add(DatastoreFile.of(datastore, folder, file));
            }
        }
        return out;
    }

    /**
     * The file a datastore path names; libvirt's messages for a path without a file name and for
     * a file that is not there ({@code NO_STORAGE_VOL}).
     */
    DatastoreFile file(String datastorePath) throws VirtException {
        DatastorePath path = DatastorePath.parse(datastorePath);
        String dir = path.directory();
        String name = dir == null ? path.directoryAndFile() : path.directoryAndFile().substring(dir.length() + 1);
        if (name.isEmpty()) {
            throw ViErrors.internal("Datastore path '" + datastorePath + "' doesn't reference a file");
        }
        String folder = dir == null ? "[" + path.datastore() + "]" : "[" + path.datastore() + "] " + dir;
        Element value = search("SearchDatastore_Task", path.datastore(), folder, name);
        Element found = value == null ? null : SoapXml.child(value, "file");
        if (found == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                    "No storage volume with key or path '" + datastorePath + "'");
        }
        return DatastoreFile.of(path.datastore(), dir == null ? "" : dir, found);
    }

    private Element search(String method, String datastore, String folder, String pattern) throws VirtException {
        String params = SoapXml.element("datastorePath", folder) + "<searchSpec>" + SPEC
                + SoapXml.element("matchPattern", pattern) + "</searchSpec>";
        MoRef task;
        try {
            task = collector.client().singleMoRef(method, browser(datastore), params);
        } catch (VimFault fault) {
            if (!"ManagedObjectNotFound".equals(fault.faultType())) {
                throw fault;
            }
            browsers.clear(); // the datastore went away or was replaced: its browser is looked up anew
            task = collector.client().singleMoRef(method, browser(datastore), params);
        }
        TaskWaiter.Outcome outcome = waiter.await(task, VmTasks.TIMEOUT_SECONDS);
        if (!outcome.success()) {
            throw ViErrors.internal("Could not search in datastore '" + datastore + "': " + outcome.errorMessage());
        }
        return outcome.value();
    }

    /**
     * The datastore's browser: the host's datastores are read (one round trip) for a name not seen
     * before, and their browsers kept; a datastore's browser does not change while it exists (a
     * search on a browser the server no longer has reads them again, see {@link #search}).
     */
    private MoRef browser(String datastore) throws VirtException {
        MoRef known = browsers.get(datastore);
        if (known != null) {
            return known;
        }
        for (ObjectContent o : collector.retrieve(host.hostSystem(),
                Map.of("Datastore", List.of("summary.name", "browser")))) {
            if (o.string("summary.name") != null && o.moRef("browser") != null) {
                browsers.put(o.string("summary.name"), o.moRef("browser"));
            }
        }
        known = browsers.get(datastore);
        if (known == null) {
            throw ViErrors.internal("Could not find datastore with name '" + datastore + "'");
        }
        return known;
    }
}
