package org.jvirt.rpc.internal.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.rpc.internal.testkit.QemuLibvirtd;

class CapsDumpTmpTest {
    @TempDir
    Path dir;

    @Test
    void dump() throws Exception {
        try (QemuHosts q = new QemuHosts(dir.resolve("jvirt")); Jvirtd d = new Jvirtd(q.factory);
             QemuLibvirtd libvirtd = new QemuLibvirtd()) {
            Path out = Path.of("target/caps-dump");
            Files.createDirectories(out);
            for (String[] c : new String[][] {{"capabilities"}, {"maxvcpus", "--type", "kvm"}, {"maxvcpus"}}) {
                Proc.Result j = Proc.virsh("qemu+unix:///system?socket=" + d.rw, c);
                Proc.Result l = Proc.virsh(libvirtd.uri(), c);
                String n = String.join("_", c);
                Files.writeString(out.resolve(n + ".jvirtd"), "exit " + j.exit() + "\n" + j.out() + j.err());
                Files.writeString(out.resolve(n + ".libvirtd"), "exit " + l.exit() + "\n" + l.out() + l.err());
            }
        }
    }
}
