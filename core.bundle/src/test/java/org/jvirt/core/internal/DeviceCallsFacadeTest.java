package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** libvirt-domain.c's checks of virDomainAttach/Detach/UpdateDevice*, and the SPI's unsupported defaults. */
class DeviceCallsFacadeTest {
    private static final String DISK = "<disk type='file' device='disk'><source file='/x.img'/>"
            + "<target dev='vdb' bus='virtio'/></disk>";
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));

    @BeforeEach
    void register() {
        core.addDriver(new FakeDriver("Test", 1, new FakeHost()), FakeDriver.props(0, "test"));
    }

    private static void fails(ErrorCode code, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullXmlIsNamedBeforeTheReadOnlyCheck() throws VirtException {
        try (Connection ro = core.open("test:///default", OpenFlag.READ_ONLY.bit())) {
            Domain dom = ro.lookupByName("test");
            fails(ErrorCode.INVALID_ARG, "xml in virDomainAttachDevice must not be NULL", () -> dom.attachDevice(null));
            fails(ErrorCode.INVALID_ARG, "xml in virDomainAttachDeviceFlags must not be NULL",
                    () -> dom.attachDeviceFlags(null, 2));
            fails(ErrorCode.INVALID_ARG, "xml in virDomainDetachDevice must not be NULL", () -> dom.detachDevice(null));
            fails(ErrorCode.INVALID_ARG, "xml in virDomainDetachDeviceFlags must not be NULL",
                    () -> dom.detachDeviceFlags(null, 2));
            fails(ErrorCode.INVALID_ARG, "xml in virDomainUpdateDeviceFlags must not be NULL",
                    () -> dom.updateDeviceFlags(null, 2));
            String p = "operation forbidden: read only access prevents ";
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainAttachDevice", () -> dom.attachDevice(DISK));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainAttachDeviceFlags", () -> dom.attachDeviceFlags(DISK, 2));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainDetachDevice", () -> dom.detachDevice(DISK));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainDetachDeviceFlags", () -> dom.detachDeviceFlags(DISK, 2));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainUpdateDeviceFlags", () -> dom.updateDeviceFlags(DISK, 2));
        }
    }

    @Test
    void aDriverWithoutDevicesAnswersLibvirtsUnsupportedPerFunction() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            String p = "this function is not supported by the connection driver: ";
            fails(ErrorCode.NO_SUPPORT, p + "virDomainAttachDevice", () -> dom.attachDevice(DISK));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainAttachDeviceFlags", () -> dom.attachDeviceFlags(DISK, 2));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainDetachDevice", () -> dom.detachDevice(DISK));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainDetachDeviceFlags", () -> dom.detachDeviceFlags(DISK, 3));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainUpdateDeviceFlags", () -> dom.updateDeviceFlags(DISK, 0));
        }
    }
}
