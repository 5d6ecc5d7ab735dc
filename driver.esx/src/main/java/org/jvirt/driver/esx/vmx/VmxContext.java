package org.jvirt.driver.esx.vmx;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;

/**
 * What the converter needs from its caller (libvirt's virVMXContext, plus the virtual hardware
 * version virVMXFormatConfig takes): how file names in a VMX file map to the domain XML's sources
 * and back, how to learn a SCSI controller's model from its disks, and the namespace data
 * ({@code <vmware:datacenterpath>}, {@code <vmware:moref>}) a definition read from ESX carries.
 *
 * <p>Immutable; build with {@link #of} and the {@code with...} methods. The callbacks may be called
 * from the converting thread only, and report failures as {@link VirtException}.
 *
 * @param fileNames         maps file names both ways, never null
 * @param scsiModelDetector learns a SCSI controller's model for XML → VMX, or null (the model stays unset)
 * @param datacenterPath    {@code <vmware:datacenterpath>} of a parsed definition, or null
 * @param moref             {@code <vmware:moref>} of a parsed definition, or null
 * @param virtualHwVersion  {@code virtualHW.version} of a formatted VMX file (4 for ESX 3.5, 7 for
 *                          ESX 4.0, ...): from 7 on the file gets PCI bridges and VMCI, and up to
 *                          10 NICs instead of 4
 */
public record VmxContext(FileNames fileNames, ScsiModelDetector scsiModelDetector, String datacenterPath,
        String moref, int virtualHwVersion) {

    /** The default virtual hardware version: ESX 3.5's, the oldest vmx.c writes. */
    public static final int DEFAULT_VIRTUAL_HW_VERSION = 4;

    public VmxContext {
        if (fileNames == null) {
            throw new IllegalArgumentException("fileNames must not be null");
        }
    }

    /** A context with the file name mapping only. */
    public static VmxContext of(FileNames fileNames) {
        return new VmxContext(fileNames, null, null, null, DEFAULT_VIRTUAL_HW_VERSION);
    }

    public VmxContext withScsiModelDetector(ScsiModelDetector detector) {
        return new VmxContext(fileNames, detector, datacenterPath, moref, virtualHwVersion);
    }

    public VmxContext withDatacenterPath(String path) {
        return new VmxContext(fileNames, scsiModelDetector, path, moref, virtualHwVersion);
    }

    public VmxContext withMoref(String ref) {
        return new VmxContext(fileNames, scsiModelDetector, datacenterPath, ref, virtualHwVersion);
    }

    public VmxContext withVirtualHwVersion(int version) {
        return new VmxContext(fileNames, scsiModelDetector, datacenterPath, moref, version);
    }

    /**
     * libvirt's parseFileName and formatFileName callbacks. The ESX driver maps
     * {@code /vmfs/volumes/datastore1/vm/vm.vmdk} (or a bare {@code vm.vmdk} beside the VMX file) to
     * the datastore path {@code [datastore1] vm/vm.vmdk}, and back.
     */
    public interface FileNames {
        /**
         * A file name from a VMX file as a source in the domain XML.
         *
         * @param allowMissing true for CD-ROM images: a file on a datastore that does not exist is
         *                     then no error, the drive gets no source
         * @return the source, or null for a missing file when {@code allowMissing}
         */
        String parse(String fileName, boolean allowMissing) throws VirtException;

        /** A source of the domain XML as a file name for a VMX file. */
        String format(String source) throws VirtException;
    }

    /** libvirt's autodetectSCSIControllerModel callback. */
    @FunctionalInterface
    public interface ScsiModelDetector {
        /**
         * @return the model of the controller the disk is attached to ({@code buslogic},
         *         {@code lsilogic}, {@code lsisas1068}, {@code vmpvscsi}), or null when this disk
         *         tells nothing (not a file-based SCSI disk on a datastore)
         */
        String detect(Disk disk) throws VirtException;
    }
}
