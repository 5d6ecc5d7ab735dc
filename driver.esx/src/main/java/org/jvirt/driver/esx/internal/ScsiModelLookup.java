package org.jvirt.driver.esx.internal;

import java.util.Locale;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.vmx.VmxContext;

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

    private final DatastoreBrowser browser;

    ScsiModelLookup(PropertyCollector collector, EsxHost host) {
        this.browser = new DatastoreBrowser(collector, host);
    }

    @Override
    public String detect(Disk disk) throws VirtException {
        String src = disk.sourcePath();
        String device = disk.device() == null ? "disk" : disk.device();
        if (!"disk".equals(device) || !"scsi".equals(disk.targetBus()) || !"file".equals(disk.type()) || src == null
                || !src.startsWith("[")) {
            return null; // not a file-based SCSI disk on a datastore: nothing to learn
        }
        String type = browser.file(src).controllerType();
        if (type == null) {
            throw ViErrors.internal("Could not lookup controller model for '" + src + "'");
        }
        String model = MODELS.get(type.toLowerCase(Locale.ROOT));
        if (model == null) {
            throw ViErrors.internal("Found unexpected controller model '" + type + "' for disk '" + src + "'");
        }
        return model;
    }
}
