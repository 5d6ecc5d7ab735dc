package org.jvirt.driver.hyperv.internal.devices;

/**
 * {@code ResourceType} values of resource allocation settings (Microsoft's
 * "Msvm_ResourceAllocationSettingData class" page; libvirt's {@code MSVM_RASD_RESOURCETYPE_*}).
 */
public final class ResourceTypes {
    public static final int OTHER = 1;
    public static final int IDE_CONTROLLER = 5;
    public static final int PARALLEL_SCSI_HBA = 6;
    public static final int ETHERNET_ADAPTER = 10;
    public static final int DISKETTE_DRIVE = 14;
    public static final int DVD_DRIVE = 16;
    public static final int DISK_DRIVE = 17;
    public static final int SERIAL_PORT = 21;
    public static final int LOGICAL_DISK = 31;
    public static final int ETHERNET_CONNECTION = 33;

    private ResourceTypes() {
    }
}
