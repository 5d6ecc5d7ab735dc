package org.jvirt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The key table: translations between the sets it has, names, and what it has not. */
class KeycodesTest {
    private static final List<KeycodeSet> TABLED = List.of(KeycodeSet.LINUX, KeycodeSet.ATSET1, KeycodeSet.USB,
            KeycodeSet.WIN32, KeycodeSet.QNUM);

    @Test
    void knownKeysInEachSet() {
        // KEY_A: Linux 30, set 1 0x1e, USB usage 4, VK_A 0x41
        int a = Keycodes.linuxCode("key_a");
        assertEquals(30, a);
        assertEquals(0x1e, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET1, a));
        assertEquals(0x04, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.USB, a));
        assertEquals(0x41, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.WIN32, a));
        // KEY_UP is extended: set 1 0xe048, qnum 0xc8, no plain XT code here
        int up = Keycodes.linuxCode("KEY_UP");
        assertEquals(0xe048, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET1, up));
        assertEquals(0xc8, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.QNUM, up));
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.XT, up));
        assertEquals(0x26, Keycodes.translate(KeycodeSet.QNUM, KeycodeSet.WIN32, 0xc8));
        assertEquals(-1, Keycodes.linuxCode("KEY_BOGUS"));
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET2, a));
    }

    @Test
    void everyKeyGoesToEachSetAndBack() {
        int keys = 0;
        for (int linux = 0; linux < 256; linux++) {
            if (Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.LINUX, linux) < 0) {
                continue;
            }
            keys++;
            for (KeycodeSet set : TABLED) {
                int there = Keycodes.translate(KeycodeSet.LINUX, set, linux);
                int back = Keycodes.translate(set, KeycodeSet.LINUX, there);
                // Windows has one VK_RETURN for both Enter keys: the main one comes back
                int expected = set == KeycodeSet.WIN32 && linux == 96 ? 28 : linux;
                assertEquals(expected, back, "KEY " + linux + " via " + set);
            }
        }
        assertEquals(105, keys);
    }

    @Test
    void setNamesAsVirsh() {
        assertEquals(KeycodeSet.QNUM, KeycodeSet.named("rfb"));
        assertEquals(KeycodeSet.OSX, KeycodeSet.named("os_x"));
        assertNull(KeycodeSet.named("osx"));
        assertEquals(KeycodeSet.WIN32, KeycodeSet.of(8));
        assertNull(KeycodeSet.of(10));
    }
}
