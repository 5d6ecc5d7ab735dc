package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.rpc.internal.testkit.QemuLibvirtd;

/**
 * {@code virsh domcapabilities} against jvirtd's QEMU driver and against libvirtd 9.0's, for the
 * QEMU installed here, through the real virsh on each daemon's UNIX socket: the default document,
 * each machine alias, the i686 emulator, and libvirt's errors (unknown architecture, a KVM or
 * machine the emulator lacks, a missing emulator binary, the read-only socket). Output and errors
 * must be byte for byte the same; it prints {@code domcapabilities differential: N agree, M differ}.
 */
class DomCapabilitiesDifferentialTest {
    @TempDir
    Path dir;

    private static final List<List<String>> CASES = List.of(List.of(), List.of("--machine", "q35"),
            List.of("--machine", "pc"), List.of("--virttype", "qemu", "--arch", "x86_64"), List.of("--arch", "i686"),
            List.of("--emulatorbin", "/usr/bin/qemu-system-x86_64", "--machine", "pc-q35-7.2"),
            List.of("--virttype", "kvm"), List.of("--virttype", "xen"), List.of("--virttype", "bogus"),
            List.of("--arch", "foo"), List.of("--arch", "aarch64"), List.of("--machine", "nope"),
            List.of("--emulatorbin", "/nonexistent/qemu"));

    @Test
    void jvirtdAnswersAsLibvirtd() throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuLibvirtd.available(), "needs root, libvirtd with its QEMU driver module and unshare");
        List<String> differ = new ArrayList<>();
        int agree = 0;
        try (QemuHosts q = new QemuHosts(dir.resolve("jvirt")); Jvirtd d = new Jvirtd(q.factory);
             QemuLibvirtd libvirtd = new QemuLibvirtd()) {
            String jvirt = "qemu+unix:///system?socket=" + d.rw;
            String jvirtRo = "qemu+unix:///system?socket=" + d.ro;
            for (List<String> args : CASES) {
                if (same(jvirt, libvirtd.uri(), args, differ)) {
                    agree++;
                }
            }
            if (same(jvirtRo, libvirtd.roUri(), List.of(), differ)) {
                agree++;
            }
            Proc.Result def = Proc.virsh(jvirt, "domcapabilities");
            assertTrue(def.out().contains("<mode name='host-model' supported='yes'>"), def.out());
        }
        System.out.println("domcapabilities differential: " + agree + " agree, " + differ.size() + " differ");
        assertEquals(List.of(), differ);
    }

    private static boolean same(String jvirt, String libvirt, List<String> args, List<String> differ)
            throws Exception {
        List<String> words = new ArrayList<>(List.of("domcapabilities"));
        words.addAll(args);
        Proc.Result j = Proc.virsh(jvirt, words.toArray(String[]::new));
        Proc.Result l = Proc.virsh(libvirt, words.toArray(String[]::new));
        if (j.exit() == l.exit() && j.out().equals(l.out()) && j.err().equals(l.err())) {
            return true;
        }
        String name = String.join(" ", words) + (jvirt.contains("-ro") ? " (read-only)" : "");
        // both answers kept for a diff
        Path out = Path.of("target/domcaps-differential");
        Files.createDirectories(out);
        String file = name.replaceAll("[^A-Za-z0-9_.-]+", "_");
        Files.writeString(out.resolve(file + ".jvirtd"), "exit " + j.exit() + "\n" + j.out() + j.err());
        Files.writeString(out.resolve(file + ".libvirtd"), "exit " + l.exit() + "\n" + l.out() + l.err());
        differ.add(name + ": see " + out.resolve(file + ".{jvirtd,libvirtd}"));
        return false;
    }
}
