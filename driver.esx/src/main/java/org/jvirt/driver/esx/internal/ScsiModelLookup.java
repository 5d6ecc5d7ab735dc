package org.jvirt.driver.esx.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.TaskWaiter;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.vmx.VmxContext;
import org.w3c.dom.Element;

/**
 * libvirt's {@code esxAutodetectSCSIControllerModel}: the model of a SCSI controller whose XML
 * names none is the {@code controllerType} the host reports for the disk's VMDK file, found with
 * the datastore browser's {@code SearchDatastore_Task} and a {@code VmDiskFileQuery}
 * ({@code esxVI_LookupFileInfoByDatastorePath}), with libvirt's messages.
 */
final class ScsiModelLookup implements VmxContext.ScsiModelDetector {
    private static final Map<String, String> MODELS = Map.of("virtualbuslogiccontroller", "buslogic",
            "virtuallsilogiccontroller", "lsilogic", "virtuallsilogicsascontroller", "lsisas1068",
            "paravirtualscsicontroller", "vmpvscsi");
    private static final String SPEC = "<searchSpec><query xsi:type=\"VmDiskFileQuery\"><details>"
            + "<diskType>false</diskType><capacityKb>true</capacityKb><hardwareVersion>false</hardwareVersion>"
            + "<controllerType>true</controllerType><diskExtents>false</diskExtents></details></query>"
            + "<details><fileType>true</fileType><fileSize>true</fileSize><modification>false</modification>"
            + "</details>";

    private final PropertyCollector collector;
    private final EsxHost host;
    private final TaskWaiter waiter;

    ScsiModelLookup(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
        this.waiter = new TaskWaiter(collector.client());
    }

    @Override
    public String detect(Disk disk) throws VirtException {
        String src = disk.sourcePath();
        String device = disk.device() == null ? "disk" : disk.device();
        if (!"disk".equals(device) || !"scsi".equals(disk.targetBus()) || !"file".equals(disk.type()) || src == null
                || !src.startsWith("[")) {
            return null; // not a file-based SCSI disk on a datastore: nothing to learn
        }
        Element info = fileInfo(src);
        String type = SoapXml.childText(info, "controllerType");
        if (type == null) {
            throw ViErrors.internal("Could not lookup controller model for '" + src + "'");
        }
        String model = MODELS.get(type.toLowerCase(Locale.ROOT));
        if (model == null) {
            throw ViErrors.internal("Found unexpected controller model '" + type + "' for disk '" + src + "'");
        }
        return model;
    }

    /** {@code esxVI_LookupFileInfoByDatastorePath} for a VMDK file: its {@code VmDiskFileInfo}. */
    private Element fileInfo(String src) throws VirtException {
        DatastorePath path = DatastorePath.parse(src);
        String dir = path.directory();
        String file = dir == null ? path.directoryAndFile() : path.directoryAndFile().substring(dir.length() + 1);
        if (file.isEmpty()) {
            throw ViErrors.internal("Datastore path '" + src + "' doesn't reference a file");
        }
        MoRef browser = browser(path.datastore());
        String folder = dir == null ? "[" + path.datastore() + "]" : "[" + path.datastore() + "] " + dir;
        MoRef task = collector.client().singleMoRef("SearchDatastore_Task", browser,
                SoapXml.element("datastorePath", folder) + SPEC + SoapXml.element("matchPattern", file) + "</searchSpec>");
        TaskWaiter.Outcome outcome = waiter.await(task, VmTasks.TIMEOUT_SECONDS);
        if (!outcome.success()) {
            throw ViErrors.internal("Could not search in datastore '" + path.datastore() + "': "
                    + outcome.errorMessage());
        }
        Element found = outcome.value() == null ? null : SoapXml.child(outcome.value(), "file");
        if (found == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                    "No storage volume with key or path '" + src + "'");
        }
        return found;
    }

    private MoRef browser(String datastore) throws VirtException {
        for (ObjectContent o : collector.retrieve(host.hostSystem(),
                Map.of("Datastore", List.of("summary.name", "browser")))) {
            if (datastore.equals(o.string("summary.name")) && o.moRef("browser") != null) {
                return o.moRef("browser");
            }
        }
        throw ViErrors.internal("Could not find datastore with name '" + datastore + "'");
    }
}
