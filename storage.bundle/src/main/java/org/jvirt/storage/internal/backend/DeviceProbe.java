package org.jvirt.storage.internal.backend;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's {@code virStorageBackendDeviceIsEmpty} for a build that writes a label: blkid's superblock
 * probe ({@code -p}) refuses a device that already holds the format, or another one.
 */
final class DeviceProbe {
    private DeviceProbe() {
    }

    /** Nothing when blkid finds nothing on {@code device}; STORAGE_POOL_BUILT otherwise, in libvirt's words. */
    static void requireEmpty(String blkid, String device, String format) throws VirtException {
        String found;
        try {
            found = HostCommand.run(List.of(blkid, "-p", "-o", "value", "-s", "TYPE", device)).strip();
        } catch (VirtException e) {
            return; // blkid exits 2 when it finds nothing: the device is empty
        }
        if (found.isEmpty()) {
            return;
        }
        if (found.equals(format)) {
            throw new VirtException(ErrorCode.STORAGE_POOL_BUILT, ErrorDomain.STORAGE,
                    "Device '" + device + "' already formatted using '" + format + "'");
        }
        throw new VirtException(ErrorCode.STORAGE_POOL_BUILT, ErrorDomain.STORAGE, "Format of device '" + device
                + "' does not match the expected format '" + format + "', forced overwrite is necessary");
    }
}
