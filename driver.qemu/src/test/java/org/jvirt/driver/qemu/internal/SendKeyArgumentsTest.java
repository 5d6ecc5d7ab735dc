package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.VirtException;

/** QMP send-key's arguments as libvirt's qemuDomainSendKey and qemuMonitorJSONSendKey make them. */
class SendKeyArgumentsTest {
    @Test
    void codesBecomeQnumNumbersWithTheHoldTime() throws Exception {
        // KEY_LEFTCTRL 29, KEY_LEFTALT 56, KEY_DELETE 111 (extended: set 1 0xe053, qnum 0xd3)
        assertEquals("{\"keys\":[{\"type\":\"number\",\"data\":29},{\"type\":\"number\",\"data\":56},"
                + "{\"type\":\"number\",\"data\":211}],\"hold-time\":50}",
                GuestControl.sendKeyArguments(KeycodeSet.LINUX.value(), 50, new int[] {29, 56, 111}).toString());
        // no hold time given: QEMU's default (no member); qnum codes pass as they are
        assertEquals("{\"keys\":[{\"type\":\"number\",\"data\":200}]}",
                GuestControl.sendKeyArguments(KeycodeSet.QNUM.value(), 0, new int[] {200}).toString());
        // VK_UP 0x26 is qnum 0xc8
        assertEquals("{\"keys\":[{\"type\":\"number\",\"data\":200}]}",
                GuestControl.sendKeyArguments(KeycodeSet.WIN32.value(), 0, new int[] {0x26}).toString());
    }

    @Test
    void untranslatableCodeIsRefusedAsLibvirt() {
        VirtException e = assertThrows(VirtException.class,
                () -> GuestControl.sendKeyArguments(KeycodeSet.LINUX.value(), 0, new int[] {30, 9999}));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: cannot translate keycode 9999 of linux codeset to qnum keycode", e.getMessage());
    }
}
