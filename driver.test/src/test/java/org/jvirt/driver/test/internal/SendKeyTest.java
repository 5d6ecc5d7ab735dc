package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.jvirt.driver.test.internal.LifecycleErrorsTest.assertError;

import java.nio.file.Path;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.KeycodeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code testDomainSendKey} with libvirt 9.0's key tables: what python3-libvirt's sendKey answers
 * against {@code test:///default} for the same codes.
 */
class SendKeyTest {
    @TempDir
    Path stateDir;
    private Fixture fixture;
    private Connection conn;
    private Domain test;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(stateDir);
        conn = fixture.open();
        test = conn.lookupByName("test");
    }

    @AfterEach
    void close() {
        conn.close();
        fixture.close();
    }

    private void accepted(KeycodeSet set, int... codes) {
        assertDoesNotThrow(() -> test.sendKey(set.value(), 0, codes, 0), set.label());
    }

    private void refused(KeycodeSet set, int code) {
        assertError(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                "internal error: invalid keycode " + code + " of " + set.label() + " codeset",
                () -> test.sendKey(set.value(), 0, new int[] {code}, 0));
    }

    @Test
    void zeroIsAKeyOfEverySet() {
        for (KeycodeSet set : KeycodeSet.values()) {
            accepted(set, 0);
        }
    }

    @Test
    void eachSetTakesTheCodesOfLibvirtsTable() {
        accepted(KeycodeSet.LINUX, 30, 0x20c);
        refused(KeycodeSet.LINUX, 0x20d);
        refused(KeycodeSet.LINUX, 767);
        accepted(KeycodeSet.ATSET2, 0x1c, 0xe05a);
        accepted(KeycodeSet.ATSET3, 0x4e, 0x1c);
        refused(KeycodeSet.ATSET3, 123);
        accepted(KeycodeSet.OSX, 0x35);
        refused(KeycodeSet.OSX, 127);
        accepted(KeycodeSet.XT, 0xe048);
        accepted(KeycodeSet.XT_KBD, 0x148);
        refused(KeycodeSet.WIN32, 0xa2);
        refused(KeycodeSet.USB, 0x31);
        refused(KeycodeSet.QNUM, 0xb7);
    }

    @Test
    void aStoppedDomainTypesNothing() throws Exception {
        test.destroy(0);
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "Requested operation is not valid: domain is not running",
                () -> test.sendKey(0, 0, new int[] {30}, 0));
    }
}
