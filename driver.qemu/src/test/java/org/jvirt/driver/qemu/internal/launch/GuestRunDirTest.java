package org.jvirt.driver.qemu.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.command.CommandEnv;
import org.junit.jupiter.api.Test;

class GuestRunDirTest {
    private final GuestRunDir system = new GuestRunDir(Path.of("/run/jvirt/qemu/system"));

    @Test
    void namesAreCutTo20CharactersAsVirDomainDefGetShortName() {
        assertEquals("7-web1", CommandEnv.shortName(7, "web1"));
        assertEquals("12-abcdefghijklmnopqrst", CommandEnv.shortName(12, "abcdefghijklmnopqrst"));
        assertEquals("12-abcdefghijklmnopqrst", CommandEnv.shortName(12, "abcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals("-1-QEMUGuest1", CommandEnv.shortName(-1, "QEMUGuest1"));
    }

    @Test
    void multiByteNamesAreCutByCharacterNeverInsideOne() {
        // 25 characters, each two bytes in UTF-8 (and a surrogate pair for the emoji)
        String greek = "αβγδεζηθικλμνξοπρστυφχψωα";
        assertEquals("1-" + greek.substring(0, 20), CommandEnv.shortName(1, greek));
        String emoji = "\uD83D\uDE00".repeat(25);
        String cut = CommandEnv.shortName(1, emoji).substring(2);
        assertEquals(20, cut.codePointCount(0, cut.length()));
        assertEquals("\uD83D\uDE00".repeat(20), cut);
    }

    @Test
    void theMonitorLivesInTheGuestsFolder() throws VirtException {
        assertEquals(Path.of("/run/jvirt/qemu/system/domain-3-a-guest-with-a-very-/monitor.sock"),
                system.monitor(3, "a-guest-with-a-very-long-name-indeed"));
        assertEquals(Path.of("/run/jvirt/qemu/system/domain-3-web1"), system.domainDir(3, "web1"));
    }

    @Test
    void aMonitorPathTooLongForAUnixSocketIsRefusedNamingTheSetting() throws VirtException {
        // /domain-<id>-<20 chars>/monitor.sock adds at most 47 bytes for ids below 10^5: a folder of
        // 60 bytes fits, deeper ones fail with the setting to change
        Path fits = Path.of("/" + "r".repeat(59));
        Path monitor = new GuestRunDir(fits).monitor(99_999, "n".repeat(30));
        assertEquals(107, monitor.toString().length());
        Path deep = Path.of("/" + "r".repeat(60));
        VirtException e = assertThrows(VirtException.class, () -> new GuestRunDir(deep).monitor(99_999, "n".repeat(30)));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("Monitor path " + deep + "/domain-99999-" + "n".repeat(20)
                + "/monitor.sock too big for destination (108 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("state.dir of PID org.jvirt.driver.qemu")
                && e.getMessage().contains("jvirt.run.dir") && e.getMessage().contains("jvirtd --run-dir"), e.getMessage());
    }
}
