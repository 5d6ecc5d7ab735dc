package org.jvirt.driver.esx.vmx;

import java.util.List;

/** libvirt's SCSI controller models (virDomainControllerModelSCSI), as a disk's legacy driver name may give one. */
final class ControllerModels {
    static final List<String> SCSI = List.of("auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi", "ibmvscsi",
            "virtio-scsi", "lsisas1078", "virtio-transitional", "virtio-non-transitional", "ncr53c90", "am53c974",
            "dc390");

    private ControllerModels() {
    }
}
