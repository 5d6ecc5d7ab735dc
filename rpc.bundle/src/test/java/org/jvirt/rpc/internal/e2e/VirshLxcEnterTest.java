package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.LxcHosts;
import org.jvirt.rpc.internal.testkit.Proc;

/**
 * libvirt's LXC program over the wire: real {@code virsh lxc-enter-namespace} against jvirtd
 * receives the namespaces of a busybox container's init as file descriptors passed on the UNIX
 * socket (VIR_NET_REPLY_WITH_FDS, SCM_RIGHTS) and runs a command in them; jvirt's own remote
 * client gets the same descriptors; the read-only socket refuses them.
 */
class VirshLxcEnterTest {
    /** Unique per run: two runs on one host must not meet in liblxc's names. */
    private static final String NAME = "jv-enter-" + Long.toHexString(System.nanoTime() & 0xffffffL);

    private static String xml(Path root) {
        return "<domain type='lxc'>\n  <name>" + NAME + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n"
                + "    <initarg>-c</initarg>\n    <initarg>trap 'exit 0' TERM; while :; do sleep 1; done</initarg>\n"
                + "  </os>\n  <features>\n    <privnet/>\n  </features>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @Test
    void virshAndTheRemoteClientEnterAContainer(@TempDir Path dir) throws Exception {
        assumeTrue(LxcHosts.canRunContainers(), "needs root, lxc-start, script and busybox-static");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        Path root = LxcHosts.busyboxRoot(dir.resolve("root"));
        Files.writeString(root.resolve("marker"), "inside-" + NAME + "\n");
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                "remote");
        try (LxcHosts h = new LxcHosts(dir.resolve("lxc")); Jvirtd d = new Jvirtd(h.factory);
                Connection c = h.factory.open("lxc:///system", 0)) {
            String uri = "lxc+unix:///system?socket=" + d.rw;
            Domain dom = c.defineXml(xml(root), 0);
            dom.create(0);
            try {
                long init = initPid(h, NAME);
                // the id is the monitor's pid (libvirt's: its controller's), the init's parent, whose
                // cgroups virsh's child joins (virDomainLxcEnterCGroup reads /proc/<id>/cgroup)
                String stat = Files.readString(Path.of("/proc", Long.toString(init), "stat"));
                String ppid = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
                assertEquals(ppid, virshOut(uri, "domid", NAME).strip());
                String cgroups = enter(uri, "/bin/cat", "/proc/self/cgroup");
                assertTrue(cgroups.contains(":memory:/lxc.monitor." + NAME + "\n"), cgroups);
                // the command runs in the container: its hostname, its root, its network (lo only)
                assertEquals(NAME, enter(uri, "/bin/hostname").strip());
                assertEquals("inside-" + NAME, enter(uri, "/bin/cat", "/marker").strip());
                assertEquals(link(init, "net"), enter(uri, "/bin/readlink", "/proc/self/ns/net").strip());
                assertEquals(link(init, "mnt"), enter(uri, "/bin/readlink", "/proc/self/ns/mnt").strip());
                assertNotEquals(link(ProcessHandle.current().pid(), "uts"), link(init, "uts"));
                // its exit status comes back through virsh (a second fork in the PID namespace)
                Proc.Result fails = Proc.virsh(uri, "lxc-enter-namespace", NAME, "--noseclabel", "/bin/sh", "-c",
                        "exit 3");
                assertEquals(1, fails.exit(), fails.toString());

                remoteClient(client, uri, init);

                Proc.Result ro = Proc.virsh("lxc+unix:///system?socket=" + d.ro, "lxc-enter-namespace", NAME,
                        "--noseclabel", "/bin/hostname");
                assertEquals(1, ro.exit(), ro.toString());
                assertTrue(ro.err().contains("error: operation forbidden: read only access prevents "
                        + "virDomainLxcOpenNamespace"), ro.err());
                try (Connection rc = client.open("lxc+unix:///system?socket=" + d.ro, 0)) {
                    VirtException e = assertThrows(VirtException.class,
                            () -> rc.lookupByName(NAME).lxcOpenNamespace(0));
                    assertEquals(ErrorCode.OPERATION_DENIED, e.code());
                }
                assertEquals("running", virshOut(uri, "domstate", NAME).strip());
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
            }
            Proc.Result off = Proc.virsh(uri, "lxc-enter-namespace", NAME, "--noseclabel", "/bin/hostname");
            dom.undefine(0);
            assertEquals(1, off.exit(), off.toString());
            assertTrue(off.err().contains("error: Requested operation is not valid: domain is not running"),
                    off.err());
        }
    }

    /** jvirt's remote driver: the descriptors arrive, name the init's namespaces, and the connection goes on. */
    private static void remoteClient(CoreConnectionFactory client, String uri, long init) throws Exception {
        try (Connection rc = client.open(uri, 0)) {
            Domain rd = rc.lookupByName(NAME);
            for (int round = 0; round < 3; round++) {
                try (NamespaceDescriptors ns = rd.lxcOpenNamespace(0)) {
                    assertEquals(List.of("user", "ipc", "mnt", "net", "pid", "uts"), ns.kinds());
                    for (int i = 0; i < ns.kinds().size(); i++) {
                        assertEquals(link(init, ns.kinds().get(i)), Files.readSymbolicLink(
                                Path.of("/proc/self/fd", ns.descriptors().get(i).toString())).toString());
                    }
                }
                assertTrue(rd.isActive());   // the stream stayed in step after the descriptors
            }
            VirtException e = assertThrows(VirtException.class, () -> rd.lxcOpenNamespace(1));
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            assertTrue(e.getMessage().contains("unsupported flags (0x1) in function lxcDomainLxcOpenNamespace"),
                    e.getMessage());
        }
    }

    private static String enter(String uri, String... command) throws Exception {
        String[] args = new String[3 + command.length];
        args[0] = "lxc-enter-namespace";
        args[1] = NAME;
        args[2] = "--noseclabel";
        System.arraycopy(command, 0, args, 3, command.length);
        return virshOut(uri, args);
    }

    private static String virshOut(String uri, String... args) throws Exception {
        Proc.Result r = Proc.virsh(uri, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r);
        return r.out();
    }

    private static String link(long pid, String kind) throws Exception {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", kind)).toString();
    }

    /** The init's pid as liblxc reports it for the driver's lxc path. */
    private static long initPid(LxcHosts h, String name) throws Exception {
        Proc.Result r = Proc.run(List.of("lxc-info", "-P", h.dir.resolve("run").toString(), "-n", name, "-p", "-H"),
                Map.of(), 30);
        assertEquals(0, r.exit(), r.toString());
        return Long.parseLong(r.out().strip());
    }
}
