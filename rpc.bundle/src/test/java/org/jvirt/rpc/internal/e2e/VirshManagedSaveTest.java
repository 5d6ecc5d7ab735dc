package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh using managed save through jvirtd (REMOTE_PROC_DOMAIN_MANAGED_SAVE, _HAS_MANAGED_SAVE_IMAGE,
 * _MANAGED_SAVE_REMOVE, and CONNECT_LIST_ALL_DOMAINS with the MANAGEDSAVE / NO_MANAGEDSAVE filters),
 * jvirtd's test driver against libvirt's (test:///default), one virsh session a side.
 */
class VirshManagedSaveTest {
    private static final String LIBVIRT = "test:///default";
    private static final List<String> SESSION = List.of(
            "dominfo test", "managedsave test", "dominfo test", "domstate test --reason",
            "list --all --managed-save", "list --all --with-managed-save", "list --all --without-managed-save",
            "list --all --name --with-managed-save", "managedsave test", "undefine test", "start test",
            "dominfo test", "managedsave --running test", "managedsave-remove test", "managedsave-remove test",
            "list --all --managed-save", "start test", "suspend test", "managedsave --paused --running test",
            "managedsave --bypass-cache test", "undefine --managed-save test", "list --all");
    private Jvirtd jvirtd;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        jvirtd = new Jvirtd();
    }

    @AfterEach
    void stop() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
    }

    /** virsh's dominfo shows a CPU time taken from the clock: everything else must be the same. */
    private static String withoutCpuTime(String out) {
        return out.lines().filter(l -> !l.startsWith("CPU time:")).collect(Collectors.joining("\n"));
    }

    @Test
    void aManagedSaveSessionPrintsWhatLibvirtsTestDriverPrints() throws Exception {
        String session = String.join("; ", SESSION);
        Result theirs = Proc.virsh(LIBVIRT, session);
        Result ours = Proc.virsh(jvirtd.unixUri(), session);
        assertEquals(theirs.exit(), ours.exit(), ours.toString());
        assertEquals(withoutCpuTime(theirs.out()), withoutCpuTime(ours.out()), ours.err());
        assertEquals(theirs.err(), ours.err());
        assertTrue(ours.out().contains("Managed save:   yes"), ours.out());
        assertTrue(ours.out().contains(" -    test   saved"), ours.out());
        assertTrue(ours.err().contains("error: Refusing to undefine while domain managed save image exists"),
                ours.err());
    }
}
