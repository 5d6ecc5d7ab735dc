package org.jvirt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The key table: libvirt 9.0's codes of each set, translations between sets, names. */
class KeycodesTest {
    private static final List<KeycodeSet> PLACED = List.of(KeycodeSet.LINUX, KeycodeSet.XT, KeycodeSet.ATSET1,
            KeycodeSet.ATSET2, KeycodeSet.ATSET3, KeycodeSet.XT_KBD, KeycodeSet.USB, KeycodeSet.WIN32,
            KeycodeSet.QNUM);

    @Test
    void knownKeysInEachSet() {
        // KEY_A: Linux 30, set 1 0x1e, set 2 0x1c, set 3 0x1c, USB usage 4, VK_A 0x41
        int a = Keycodes.linuxCode("key_a");
        assertEquals(30, a);
        assertEquals(0x1e, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET1, a));
        assertEquals(0x1c, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET2, a));
        assertEquals(0x1c, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET3, a));
        assertEquals(0x04, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.USB, a));
        assertEquals(0x41, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.WIN32, a));
        // libvirt's win32 table holds VK_CONTROL (0x11) for the left Ctrl key, not VK_LCONTROL (0xa2)
        assertEquals(0x11, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.WIN32, Keycodes.linuxCode("KEY_LEFTCTRL")));
        assertEquals(-1, Keycodes.translate(KeycodeSet.WIN32, KeycodeSet.WIN32, 0xa2));
        // KEY_UP is extended: set 1 (and XT, which shares its table) 0xe048, set 2 0xe075, set 3 0x63,
        // XT_KBD 0x148, qnum 0xc8
        int up = Keycodes.linuxCode("KEY_UP");
        assertEquals(0xe048, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET1, up));
        assertEquals(0xe048, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.XT, up));
        assertEquals(0xe075, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET2, up));
        assertEquals(0x63, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET3, up));
        assertEquals(0x148, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.XT_KBD, up));
        assertEquals(0xc8, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.QNUM, up));
        assertEquals(0x26, Keycodes.translate(KeycodeSet.QNUM, KeycodeSet.WIN32, 0xc8));
        assertEquals(up, Keycodes.translate(KeycodeSet.ATSET2, KeycodeSet.LINUX, 0xe075));
        assertEquals(-1, Keycodes.linuxCode("KEY_BOGUS"));
        // beyond the PC keyboard: libvirt 9.0's Linux keys end with KEY_RFKILL (0x20c), not at KEY_MAX (0x2ff)
        assertEquals(0x20c, Keycodes.linuxCode("KEY_RFKILL"));
        assertEquals(0x20c, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.LINUX, 0x20c));
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.LINUX, 0x20d));
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.LINUX, 0x2ff));
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.LINUX, 0x1ff));
    }

    /** Every table of libvirt holds 0 (its keys without a code in a set have 0 there), even Linux's KEY_RESERVED. */
    @Test
    void zeroIsACodeOfEverySetButNoKeyElsewhere() {
        for (KeycodeSet set : KeycodeSet.values()) {
            assertEquals(0, Keycodes.translate(set, set, 0), set.label());
        }
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.ATSET1, 0));
        assertEquals(-1, Keycodes.translate(KeycodeSet.ATSET1, KeycodeSet.ATSET1, -1));
    }

    /** macOS codes (kVK_ANSI_A is 0, kVK_Escape 0x35) are known as codes but placed on no Linux key. */
    @Test
    void macCodesAreCodesWithoutKeys() {
        assertEquals(0x35, Keycodes.translate(KeycodeSet.OSX, KeycodeSet.OSX, 0x35));
        assertEquals(-1, Keycodes.translate(KeycodeSet.OSX, KeycodeSet.OSX, 0x7f));
        assertEquals(-1, Keycodes.translate(KeycodeSet.OSX, KeycodeSet.LINUX, 0x35));
        assertEquals(-1, Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.OSX, 1));
    }

    @Test
    void thePcKeysGoToEachSetAndBack() {
        int keys = 0;
        for (int linux = 1; linux < 128; linux++) {
            if (Keycodes.translate(KeycodeSet.LINUX, KeycodeSet.WIN32, linux) < 0) {
                continue;
            }
            keys++;
            for (KeycodeSet set : PLACED) {
                int there = Keycodes.translate(KeycodeSet.LINUX, set, linux);
                if (set == KeycodeSet.ATSET3 && (linux == 12 || linux == 53)) {
                    // libvirt's manual page for set 3 places no code on the main block's minus and slash
                    // (its 0x4e is the keypad's minus)
                    assertEquals(-1, there, "KEY " + linux + " via " + set);
                    continue;
                }
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

    /**
     * The committed data is what {@code keymaps/keymaps.py} writes from the installed libvirt 9.0
     * (python3-libvirt and libvirt-clients' manual pages), which libvirt's test driver answers.
     */
    @Test
    void theDataIsWhatLibvirtAnswers() throws Exception {
        Path script = Path.of("keymaps", "keymaps.py");
        assumeTrue(Files.exists(Path.of("/usr/share/man/man7/virkeycode-linux.7.gz")) && python3Libvirt(),
                "libvirt-clients and python3-libvirt are not installed");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String generated;
        try {
            generated = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "keymaps.py finished");
            assertEquals(0, p.exitValue(), "keymaps.py exit");
        } finally {
            p.destroyForcibly();
        }
        try (InputStream in = KeymapTable.class.getResourceAsStream("keymaps.txt")) {
            assertEquals(generated, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "run keymaps/keymaps.py > src/main/resources/org/jvirt/api/keymaps.txt");
        }
    }

    private static boolean python3Libvirt() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import libvirt").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
