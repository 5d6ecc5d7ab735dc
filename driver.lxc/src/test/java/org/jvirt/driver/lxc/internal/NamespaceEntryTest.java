package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * Entering a running container's namespaces ({@code lxc-enter-namespace}): the command sees the
 * container's hostname, root, network and PID namespace, its output, errors and exit status come
 * back, and the container goes on.
 */
class NamespaceEntryTest {
    @TempDir
    Path tmp;
    private LxcTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aCommandRunsInTheContainersNamespaces() throws Exception {
        Path root = bed.rootfs("root");
        Files.writeString(root.resolve("etc/marker"), "inside the root\n");
        String xml = "<domain type='lxc'>\n  <name>" + LxcTestBed.RUN + "enter</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>while :; do sleep 1; done</initarg>\n  </os>\n"
                + "  <features>\n    <privnet/>\n  </features>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
        DomainRef ref = bed.conn.createXml(xml, 0);
        ContainerProcess proc = bed.process(ref);

        NamespaceCommandResult r = bed.conn.lxcEnterNamespace(ref, List.of("sh", "-c",
                "hostname; cat /etc/marker; tr '\\0' ' ' < /proc/1/cmdline; echo; ip -o link | wc -l; "
                        + "echo oops >&2; exit 3"), 0);
        assertEquals(3, r.exitStatus(), r.toString());
        assertEquals(List.of(LxcTestBed.RUN + "enter", "inside the root", "/bin/sh -c while :; do sleep 1; done", "1"),
                r.output().lines().map(String::strip).toList(), "hostname, root, PID 1, only lo");
        assertEquals("oops\n", r.errors());
        assertEquals(0, bed.conn.lxcEnterNamespace(ref, List.of("/bin/true"), 0).exitStatus());
        assertTrue(proc.initAlive(), "the container goes on");

        // lxcOpenNamespace: the init's namespaces as descriptors of this process, libvirt's kinds and order
        List<String> seen = new ArrayList<>();
        try (NamespaceDescriptors ns = bed.conn.lxcOpenNamespace(ref, 0)) {
            assertEquals(List.of("user", "ipc", "mnt", "net", "pid", "uts"), ns.kinds());
            for (int i = 0; i < ns.kinds().size(); i++) {
                Path fd = Path.of("/proc/self/fd", ns.descriptors().get(i).toString());
                seen.add(fd.toString());
                assertEquals(Files.readSymbolicLink(Path.of("/proc", Long.toString(proc.initPid()), "ns",
                        ns.kinds().get(i))), Files.readSymbolicLink(fd));
            }
            assertNotEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")),
                    Files.readSymbolicLink(Path.of(seen.get(3))), "<privnet/>: a network namespace of its own");
        }
        List<String> kinds = List.of("user", "ipc", "mnt", "net", "pid", "uts");
        for (int i = 0; i < seen.size(); i++) {
            // closed (a number may be reused at once by another thread, but not for the same namespace)
            Path fd = Path.of(seen.get(i));
            String own = Files.readSymbolicLink(Path.of("/proc", Long.toString(proc.initPid()), "ns", kinds.get(i))).toString();
            assertTrue(!Files.exists(fd) || !Files.readSymbolicLink(fd).toString().equals(own), fd + " (" + kinds.get(i) + ")");
        }
        assertEquals("invalid argument: unsupported flags (0x1) in function lxcDomainLxcOpenNamespace",
                assertThrows(VirtException.class, () -> bed.conn.lxcOpenNamespace(ref, 1)).getMessage());

        VirtException e = assertThrows(VirtException.class,
                () -> bed.conn.lxcEnterNamespace(ref, List.of("true"), 1));
        assertEquals("invalid argument: unsupported flags (0x1) in function lxcDomainLxcOpenNamespace",
                e.getMessage());
        bed.conn.destroy(ref, 0);
        e = assertThrows(VirtException.class, () -> bed.conn.lxcEnterNamespace(ref, List.of("true"), 0));
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class,
                () -> bed.conn.lxcOpenNamespace(ref, 0)).code());
    }
}
