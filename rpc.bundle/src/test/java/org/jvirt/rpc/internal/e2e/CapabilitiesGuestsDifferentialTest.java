package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.rpc.internal.testkit.QemuLibvirtd;

/**
 * The {@code <guest>} part of {@code virsh capabilities} (one per emulator: machines in libvirt's
 * order, domain types, features) and {@code virsh maxvcpus} from jvirtd's QEMU driver and from
 * libvirtd 9.0's on the same host, byte for byte: both depend on whether QEMU can use KVM here.
 * The {@code <host>} part is not compared (libvirt decodes the host CPU into a model, jvirt does not).
 */
class CapabilitiesGuestsDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void guestsAndMaxVcpusAsLibvirtd() throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuLibvirtd.available(), "needs root, libvirtd with its QEMU driver module and unshare");
        try (QemuHosts q = new QemuHosts(dir.resolve("jvirt")); Jvirtd d = new Jvirtd(q.factory);
             QemuLibvirtd libvirtd = new QemuLibvirtd()) {
            String jvirt = "qemu+unix:///system?socket=" + d.rw;
            Proc.Result j = Proc.virsh(jvirt, "capabilities");
            Proc.Result l = Proc.virsh(libvirtd.uri(), "capabilities");
            assertEquals(0, j.exit(), j.err());
            assertEquals(0, l.exit(), l.err());
            assertTrue(l.out().contains("<guest>"), l.out());
            assertEquals(guests(l.out()), guests(j.out()));
            for (String[] args : new String[][] {{"maxvcpus"}, {"maxvcpus", "--type", "kvm"},
                    {"maxvcpus", "--type", "qemu"}}) {
                Proc.Result jm = Proc.virsh(jvirt, args);
                Proc.Result lm = Proc.virsh(libvirtd.uri(), args);
                assertEquals(lm.exit() + lm.out() + lm.err(), jm.exit() + jm.out() + jm.err(), String.join(" ", args));
            }
        }
    }

    private static String guests(String capabilities) {
        return capabilities.substring(capabilities.indexOf("  <guest>"));
    }
}
