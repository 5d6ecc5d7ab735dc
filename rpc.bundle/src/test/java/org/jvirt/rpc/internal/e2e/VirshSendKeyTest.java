package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvirt.rpc.internal.testkit.JvirtdForVirsh;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh sending keys over the wire (REMOTE_PROC_DOMAIN_SEND_KEY, its keycodes array decoded
 * by jvirtd) and asking for a managed save image (REMOTE_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE),
 * jvirtd's test driver against libvirt's (test:///default), one session a side.
 */
class VirshSendKeyTest {
    private static final String LIBVIRT = "test:///default";
    private static final List<String> SESSION = List.of(
            "send-key test KEY_A", "send-key test --codeset win32 999", "send-key test --codeset osx 3",
            "send-key test --holdtime 5 KEY_LEFTCTRL KEY_LEFTALT KEY_DELETE", "send-key test --codeset xt 2000",
            "send-key test --codeset usb 4", "send-key test 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
            "send-key test --holdtime -5 KEY_A",
            // libvirt 9.0's tables (Keycodes): 0 in every set, AT sets 2 and 3, macOS, XT as set 1, Linux to 0x20c
            "send-key test --codeset atset1 0", "send-key test --codeset atset2 0xe05a",
            "send-key test --codeset atset3 123", "send-key test --codeset atset3 0x4e", "send-key test 767",
            "send-key test 524", "send-key test --codeset os_x 127", "send-key test --codeset os_x 0x35",
            "send-key test --codeset xt 0xe048", "send-key test --codeset win32 0xa2",
            "send-key test --codeset win32 0x11", "send-key test --codeset usb 0x31",
            "send-key test --codeset qnum 0xb7", "send-key test --codeset xt_kbd 0x148",
            "managedsave-remove test", "destroy test", "send-key test KEY_A");

    @RegisterExtension
    final JvirtdForVirsh jvirtd = new JvirtdForVirsh();

    @Test
    void aSendKeySessionPrintsWhatLibvirtsTestDriverPrints() throws Exception {
        String session = String.join("; ", SESSION);
        Result theirs = Proc.virsh(LIBVIRT, session);
        Result ours = Proc.virsh(jvirtd.unixUri(), session);
        assertEquals(theirs.exit(), ours.exit(), ours.toString());
        assertEquals(theirs.out(), ours.out(), ours.err());
        assertEquals(theirs.err(), ours.err());
        assertTrue(ours.err().contains("error: internal error: invalid keycode 999 of win32 codeset\n"), ours.err());
        assertTrue(ours.err().contains("error: internal error: invalid keycode 123 of atset3 codeset\n"), ours.err());
        assertTrue(ours.err().contains("error: internal error: invalid keycode 767 of linux codeset\n"), ours.err());
        assertTrue(ours.out().contains("Domain 'test' has no manage save image; removal skipped"), ours.out());
    }
}
