package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.Keycodes;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/** managedsave (RequestStateChange 6, saved state 32769), its image and its removal; send-key on Msvm_Keyboard. */
class HypervSaveKeyTest {
    private WsmanSimulator sim;
    private DriverConnection conn;

    @BeforeEach
    void start() throws Exception {
        sim = WsmanSimulator.start();
        sim.addVm("web", 2, 2, 2048);
        sim.addVm("off", 3, 1, 1024);
        conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void managedSaveThenStartResumesAndRemoveDiscards() throws Exception {
        DomainRef web = conn.lookupByName("web");
        assertFalse(conn.ownManagedSave().orElseThrow().hasManagedSaveImage(web, 0));
        conn.ownManagedSave().orElseThrow().managedSave(web, 0);
        assertEquals(32769, sim.enabledState("web"));
        assertTrue(conn.ownManagedSave().orElseThrow().hasManagedSaveImage(web, 0));
        assertEquals(DomainState.SHUTOFF, conn.state(web).state());
        assertEquals(List.of("web"), conn.listAllDomains(ListFlag.MANAGEDSAVE.bit()).stream()
                .map(DomainRef::name).toList());
        conn.create(web, 0);
        assertEquals(2, sim.enabledState("web"));
        assertFalse(conn.ownManagedSave().orElseThrow().hasManagedSaveImage(web, 0));

        conn.ownManagedSave().orElseThrow().managedSave(web, 0);
        conn.ownManagedSave().orElseThrow().managedSaveRemove(web, 0);
        assertEquals(3, sim.enabledState("web"));
        assertFalse(conn.ownManagedSave().orElseThrow().hasManagedSaveImage(web, 0));
    }

    @Test
    void managedSaveRefusals() throws Exception {
        DomainRef off = conn.lookupByName("off");
        VirtException e = assertThrows(VirtException.class, () -> conn.ownManagedSave().orElseThrow().managedSave(off, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals("Requested operation is not valid: Domain is not active or is in state transition",
                e.getMessage());
        e = assertThrows(VirtException.class, () -> conn.ownManagedSave().orElseThrow().managedSaveRemove(off, 0));
        assertEquals("Requested operation is not valid: Domain has no managed save image", e.getMessage());
        e = assertThrows(VirtException.class, () -> conn.ownManagedSave().orElseThrow().managedSave(conn.lookupByName("web"), 4));
        assertEquals("invalid argument: unsupported flags (0x4) in function hypervDomainManagedSave", e.getMessage());
        assertEquals(2, sim.enabledState("web"));
    }

    @Test
    void sendKeyTranslatesToVirtualKeysPressesThenReleases() throws Exception {
        DomainRef web = conn.lookupByName("web");
        int[] ctrlAltDel = {Keycodes.linuxCode("KEY_LEFTCTRL"), Keycodes.linuxCode("KEY_LEFTALT"),
            Keycodes.linuxCode("KEY_DELETE")};
        long start = System.nanoTime();
        conn.sendKey(web, KeycodeSet.LINUX.value(), 200, ctrlAltDel, 0);
        assertTrue(System.nanoTime() - start >= 200_000_000L, "held for the hold time");
        // VK_CONTROL, VK_MENU, VK_DELETE: libvirt's win32 table (Keycodes) has no VK_LCONTROL / VK_LMENU
        assertEquals(List.of("PressKey 17", "PressKey 18", "PressKey 46", "ReleaseKey 17", "ReleaseKey 18",
                "ReleaseKey 46"), sim.typedKeys());
    }

    @Test
    void sendKeyFromOtherCodesets() throws Exception {
        DomainRef web = conn.lookupByName("web");
        conn.sendKey(web, KeycodeSet.WIN32.value(), 0, new int[] {0x41}, 0);
        conn.sendKey(web, KeycodeSet.USB.value(), 0, new int[] {0x04}, 0);
        conn.sendKey(web, KeycodeSet.QNUM.value(), 0, new int[] {0x80 | 0x48}, 0);
        assertEquals(List.of("PressKey 65", "ReleaseKey 65", "PressKey 65", "ReleaseKey 65", "PressKey 38",
                "ReleaseKey 38"), sim.typedKeys());
    }

    @Test
    void sendKeyRefusals() throws Exception {
        DomainRef web = conn.lookupByName("web");
        VirtException e = assertThrows(VirtException.class, () -> conn.sendKey(web, KeycodeSet.LINUX.value(), 0,
                new int[] {30, 9999}, 0));
        assertEquals("internal error: Could not translate keycode", e.getMessage());
        e = assertThrows(VirtException.class, () -> conn.sendKey(web, KeycodeSet.OSX.value(), 0, new int[] {0}, 0));
        assertEquals("internal error: Could not translate keycode", e.getMessage());
        assertEquals(List.of(), sim.typedKeys());
        // a VM that is off has a keyboard that does not answer (Hyper-V: Invalid state)
        e = assertThrows(VirtException.class, () -> conn.sendKey(conn.lookupByName("off"), 0, 0, new int[] {30}, 0));
        assertEquals("internal error: Invocation of PressKey returned an error: Invalid state for this operation"
                + " (32775)", e.getMessage());
    }
}
