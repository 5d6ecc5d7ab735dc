package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.RecordKind;

/**
 * Definitions the driver refuses, each with libvirt's error, and starts that fail, each leaving
 * nothing behind: no process, no run folder, no status record, no cgroup, the domain shut off.
 */
class BadInputTest {
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

    static String xml(String name, String rootDir, String init, String devices) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>" + init + "</init>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + rootDir + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <console type='pty'/>\n" + devices + "  </devices>\n</domain>\n";
    }

    /** virConnectDomainXMLFromNative through the connection: libvirt's format and flag checks. */
    @Test
    void fromNativeConvertsLxcToolsOnlyWithoutFlags() throws Exception {
        String config = "lxc.uts.name = c1\nlxc.rootfs.path = /var/lib/lxc/c1/rootfs\nlxc.tty.max = 1\n";
        String xml = bed.conn.domainXmlFromNative("lxc-tools", config, 0);
        assertTrue(xml.contains("<name>c1</name>") && xml.contains("<source dir='/var/lib/lxc/c1/rootfs'/>")
                && xml.contains("<target type='lxc' port='0'/>") && !xml.contains("<emulator>"), xml);
        VirtException format = assertThrows(VirtException.class,
                () -> bed.conn.domainXmlFromNative("xen-xl", config, 0));
        assertEquals(ErrorCode.INVALID_ARG, format.code());
        assertEquals("invalid argument: unsupported config type xen-xl", format.getMessage());
        VirtException flags = assertThrows(VirtException.class,
                () -> bed.conn.domainXmlFromNative("lxc-tools", config, 1));
        assertEquals("invalid argument: unsupported flags (0x1) in function lxcConnectDomainXMLFromNative",
                flags.getMessage());
    }

    @Test
    void aMissingRootFolderFailsTheStartAndLeavesNothing() throws Exception {
        Path missing = tmp.resolve("no-such-root");
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "bad1", missing.toString(), "/bin/sh", ""), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals(ErrorDomain.LXC, e.domain());
        assertEquals("internal error: guest failed to start: Failed to access '" + missing
                + "': No such file or directory", e.getMessage());
        assertNothingLeft(ref, LxcTestBed.RUN + "bad1");
    }

    @Test
    void anInitThatDoesNotExistFailsTheStartAndLeavesNothing() throws Exception {
        Path root = bed.rootfs("root");
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "bad2", root.toString(), "/sbin/no-such-init", ""), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("cannot find init path '/sbin/no-such-init' relative to container root"),
                e.getMessage());
        assertNothingLeft(ref, LxcTestBed.RUN + "bad2");
    }

    @Test
    void anInitThatCannotBeExecutedReportsLiblxcsErrorAndLeavesNothing() throws Exception {
        Path root = bed.rootfs("root");
        // exists, but is not an executable: liblxc's exec fails inside the container
        Files.writeString(root.resolve("sbin/not-executable"), "plain text\n");
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "bad3", root.toString(), "/sbin/not-executable", ""), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: guest failed to start: "), e.getMessage());
        assertTrue(e.getMessage().contains("Failed to exec \"/sbin/not-executable\""), e.getMessage());
        assertNothingLeft(ref, LxcTestBed.RUN + "bad3");
    }

    @Test
    void aBridgeThatDoesNotExistFailsTheStart() throws Exception {
        Path root = bed.rootfs("root");
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "bad4", root.toString(), "/bin/sh",
                "    <interface type='bridge'>\n      <source bridge='jvnobr0'/>\n    </interface>\n"), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Unable to add bridge jvnobr0 port veth"), e.getMessage());
        assertNothingLeft(ref, LxcTestBed.RUN + "bad4");
    }

    @Test
    void unsupportedElementsAreRefusedByName() throws Exception {
        String root = tmp.toString();
        assertUnsupported(xml("u1", root, "/bin/sh", "    <disk type='file' device='disk'>\n      <source file='/x.img'/>\n"
                + "      <target dev='vda' bus='virtio'/>\n    </disk>\n"), "<disk> devices is not supported by the LXC driver");
        assertUnsupported(xml("u2", root, "/bin/sh", "    <filesystem type='template'>\n      <source name='tpl'/>\n"
                + "      <target dir='/mnt'/>\n    </filesystem>\n"), "<filesystem type='template'>");
        assertUnsupported(xml("u3", root, "/bin/sh", "    <interface type='user'>\n      <mac address='52:54:00:4a:7f:99'/>\n"
                + "    </interface>\n"), "<interface type='user'>");
        assertUnsupported(xml("u4", root, "/bin/sh", "").replace("</os>",
                "</os>\n  <on_poweroff>coredump-destroy</on_poweroff>"),
                "Lifecycle event 'poweroff' doesn't support 'coredump-destroy' action");
        assertUnsupported(xml("u6", root, "/bin/sh", "").replace("</os>", "</os>\n  <features>\n    <acpi/>\n"
                + "  </features>"), "<features><acpi/>");
        assertUnsupported(xml("u7", root, "/bin/sh", "").replace("<console type='pty'/>",
                "<console type='file'>\n      <source path='/tmp/c'/>\n    </console>"), "Only PTY console types are supported");
        assertEquals(0, bed.conn.listAllDomains(0).size(), "nothing defined");
    }

    @Test
    void defineCompletesTheDefinitionAsLibvirtsLxcPostParse() throws Exception {
        String xml = xml(LxcTestBed.RUN + "pp", tmp.toString(), "/bin/sh", "").replace("    <init>/bin/sh</init>\n", "");
        DomainRef ref = bed.conn.defineXml(xml, 0);
        String formatted = bed.conn.xmlDesc(ref, 0);
        assertTrue(formatted.contains("<type arch='x86_64'>exe</type>") || !LxcDefinitionCheck.hostArch().equals("x86_64"),
                formatted);
        assertTrue(formatted.contains("<init>/sbin/init</init>"), formatted);
        assertTrue(formatted.contains("<console type='pty'>\n      <target type='lxc' port='0'/>\n    </console>"),
                formatted);
        bed.conn.undefine(ref, 0);
    }

    @Test
    void aDomainOfAnotherHypervisorIsRefusedAsLibvirtDoes() {
        String qemu = "<domain type='kvm'>\n  <name>k</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>hvm</type>\n  </os>\n</domain>\n";
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.defineXml(qemu, 0));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: could not find capabilities for ostype=hvm arch=x86_64 domaintype=kvm",
                e.getMessage());
    }

    @Test
    void aContainerWithoutConsoleIsRefusedAtStart() throws Exception {
        Path root = bed.rootfs("root");
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "bad5", root.toString(), "/bin/sh", "")
                .replace("    <console type='pty'/>\n", ""), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: At least one PTY console is required", e.getMessage());
        assertNothingLeft(ref, LxcTestBed.RUN + "bad5");
    }

    @Test
    void anUnknownUriPathIsLibvirtsTypoError() throws VirtException {
        VirtException e = assertThrows(VirtException.class,
                () -> bed.driver.open(ConnectUri.parse("lxc:///session"), 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: Unexpected LXC URI path '/session', try lxc:///system", e.getMessage());
        assertTrue(bed.driver.open(ConnectUri.parse("qemu:///system"), 0).isEmpty(), "not its URI: declined");
        assertTrue(bed.driver.open(ConnectUri.parse("lxc:///"), 0).isPresent());
    }

    private void assertUnsupported(String xml, String expected) {
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.defineXml(xml, 0), expected);
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private void assertNothingLeft(DomainRef ref, String name) throws Exception {
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertTrue(bed.store.read(LxcHost.STORE, RecordKind.STATUS, ref.uuid().toString()).isEmpty(), "no status record");
        assertFalse(Files.exists(tmp.resolve("run").resolve(name).resolve("config")), "no container config left");
        assertFalse(Files.exists(Path.of("/sys/fs/cgroup/memory/lxc.payload." + name)), "no cgroup left");
        assertTrue(processesOf(name).isEmpty(), "no lxc process of " + name + ": " + processesOf(name));
    }

    /** Every process whose command line names the container (a monitor, an lxc tool). */
    static List<Long> processesOf(String name) throws IOException {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(c -> c.contains("-n " + name + " ")
                    || c.contains("[lxc monitor]") && c.endsWith(" " + name)).orElse(false))
                    .map(ProcessHandle::pid).toList();
        }
    }
}
