package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;

/**
 * libvirt 9.0 libvirt-domain.c's checks of virDomainSave(Flags), virDomainRestore(Flags),
 * virDomainSaveImageGetXMLDesc and virDomainSaveImageDefineXML, in their order, and NO_SUPPORT for a
 * driver without save calls.
 */
class SaveCallsFacadeTest {
    private static final String RO = "operation forbidden: read only access prevents ";
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
    void aReadOnlyConnectionIsRefusedBeforeAnyArgumentIsLookedAt() throws VirtException {
        try (Connection ro = core.open("test:///default", OpenFlag.READ_ONLY.bit())) {
            Domain dom = ro.lookupByName("test");
            fails(ErrorCode.OPERATION_DENIED, RO + "virDomainSave", () -> dom.save(null));
            fails(ErrorCode.OPERATION_DENIED, RO + "virDomainSaveFlags", () -> dom.saveFlags(null, null, 6));
            fails(ErrorCode.OPERATION_DENIED, RO + "virDomainRestore", () -> ro.restore(null));
            fails(ErrorCode.OPERATION_DENIED, RO + "virDomainRestoreFlags", () -> ro.restoreFlags(null, null, 6));
            fails(ErrorCode.OPERATION_DENIED, RO + "virDomainSaveImageGetXMLDesc", () -> ro.saveImageXmlDesc(null, 0));
            fails(ErrorCode.OPERATION_DENIED, RO + "virDomainSaveImageDefineXML",
                    () -> ro.saveImageDefineXml(null, null, 6));
        }
    }

    @Test
    void nullPathsAndXmlAreNamedThenRunningWithPausedIsRefused() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            fails(ErrorCode.INVALID_ARG, "to in virDomainSave must not be NULL", () -> dom.save(null));
            fails(ErrorCode.INVALID_ARG, "to in virDomainSaveFlags must not be NULL", () -> dom.saveFlags(null, null, 6));
            fails(ErrorCode.INVALID_ARG, "from in virDomainRestore must not be NULL", () -> c.restore(null));
            fails(ErrorCode.INVALID_ARG, "file in virDomainSaveImageGetXMLDesc must not be NULL",
                    () -> c.saveImageXmlDesc(null, 0));
            fails(ErrorCode.INVALID_ARG, "dxml in virDomainSaveImageDefineXML must not be NULL",
                    () -> c.saveImageDefineXml("/x.img", null, 0));
            String both = "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive";
            fails(ErrorCode.INVALID_ARG, both, () -> dom.saveFlags("/x.img", null, 6));
            fails(ErrorCode.INVALID_ARG, both, () -> c.restoreFlags("/x.img", null, 6));
            fails(ErrorCode.INVALID_ARG, both, () -> c.saveImageDefineXml("/x.img", "<domain/>", 6));
        }
    }

    @Test
    void aDriverWithoutSaveCallsAnswersLibvirtsUnsupportedPerFunction() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            String p = "this function is not supported by the connection driver: ";
            fails(ErrorCode.NO_SUPPORT, p + "virDomainSave", () -> dom.save("/x.img"));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainSaveFlags", () -> dom.saveFlags("/x.img", null, 2));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainRestore", () -> c.restore("/x.img"));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainRestoreFlags", () -> c.restoreFlags("/x.img", null, 0));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainSaveImageGetXMLDesc", () -> c.saveImageXmlDesc("/x.img", 0));
            fails(ErrorCode.NO_SUPPORT, p + "virDomainSaveImageDefineXML",
                    () -> c.saveImageDefineXml("/x.img", "<domain/>", 0));
        }
    }

    /** libvirt's virFileAbsPath: relative paths are resolved against the working directory, as given. */
    @Test
    void relativePathsAreMadeAbsoluteWithoutNormalizing() {
        assertEquals("/a/../b.img", SaveFiles.absolute("/a/../b.img"));
        assertEquals(System.getProperty("user.dir") + "/./b.img", SaveFiles.absolute("./b.img"));
    }
}
