package org.jvirt.api.xml;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One entry of {@code <devices>}. Typed classes exist for the devices jvirt models; any other
 * device is a {@link GenericDevice} holding its XML as written. Every device has its
 * {@link DeviceInfo} (alias, address, boot order, ACPI index, ROM) typed.
 * <p>
 * Sealed: only this package implements it, so it is a provider type (a method added here is a
 * minor change of this package).
 */
@ProviderType
public sealed interface Device permits GenericDevice, Disk, Controller, NetInterface, CharDevice, Graphics, Video, Input,
        MemBalloon, Rng, Watchdog, Filesystem, Hostdev,
        Sound, Audio, Panic, Vsock, Iommu, Hub, Nvram, Pstore, Crypto, Smartcard, Redirdev, RedirFilter, Tpm,
        MemoryDevice, Shmem {

    /** The XML element name of this device ({@code disk}, {@code interface}, ...). */
    String elementName();

    /** The device's alias, address, boot order, ACPI index and ROM settings; never null. */
    DeviceInfo info();

    /**
     * A copy with {@code newInfo} in place of {@link #info()} (every device class has it, with its
     * own return type), so that steps which assign addresses or aliases need not know the class.
     */
    Device withInfo(DeviceInfo newInfo);
}
