package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Os;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** The liblxc configuration written for a definition, for both cgroup layouts; no container runs. */
class ContainerConfigBuilderTest {
    @TempDir
    Path tmp;

    private DomainDef def(String extra, String devices) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root with space"));
        Files.createDirectories(root.resolve("sbin"));
        Files.writeString(root.resolve("sbin/init"), "");
        Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(root.resolve("bin/init-link"), Path.of("/sbin/init"));
        Files.createDirectories(tmp.resolve("data"));
        String xml = "<domain type='lxc'>\n  <name>c1</name>\n  <uuid>c7a5fdbd-cdaf-9455-926a-d65c16db1809</uuid>\n"
                + "  <memory unit='KiB'>500000</memory>\n  <vcpu placement='static' cpuset='0'>1</vcpu>\n" + extra
                + "  <os>\n    <type>exe</type>\n    <init>/bin/init-link</init>\n    <initarg>a b</initarg>\n"
                + "    <initenv name='FOO'>bar baz</initenv>\n    <inituser>1000</inituser>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "      <readonly/>\n    </filesystem>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + tmp.resolve("data") + "'/>\n"
                + "      <target dir='/srv/data'/>\n      <readonly/>\n    </filesystem>\n"
                + "    <filesystem type='ram'>\n      <source usage='1024' units='KiB'/>\n      <target dir='/run'/>\n"
                + "    </filesystem>\n" + devices + "    <console type='pty'/>\n  </devices>\n</domain>\n";
        return LxcDefinitionCheck.postParse(new DomainXmlCodecImpl().parse(xml, 0));
    }

    private static List<String> lines(ContainerConfig c) {
        return c.text().lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void writesRootMountsEnvironmentAndV1Limits() throws Exception {
        DomainDef d = def("  <memtune>\n    <hard_limit unit='KiB'>100000</hard_limit>\n"
                + "    <soft_limit unit='KiB'>50000</soft_limit>\n    <swap_hard_limit unit='KiB'>200000</swap_hard_limit>\n"
                + "  </memtune>\n  <cputune>\n    <shares>512</shares>\n    <period>100000</period>\n"
                + "    <quota>50000</quota>\n  </cputune>\n", "");
        ContainerConfig c = new ContainerConfigBuilder(CgroupLayout.V1, new VethNames()).build(d);
        List<String> l = lines(c);
        assertTrue(l.contains("lxc.uts.name = c1"), c.text());
        assertTrue(l.contains("lxc.rootfs.path = dir:" + tmp.resolve("root with space")));
        assertTrue(l.contains("lxc.rootfs.options = ro"));
        assertTrue(l.contains("lxc.mount.entry = " + tmp.resolve("data") + " srv/data none bind,ro,create=dir 0 0"),
                c.text());
        assertTrue(l.contains("lxc.mount.entry = tmpfs run tmpfs size=1024k,mode=755,create=dir 0 0"), c.text());
        assertTrue(l.contains("lxc.environment = FOO=bar baz"));
        assertTrue(l.contains("lxc.environment = LIBVIRT_LXC_NAME=c1"));
        assertTrue(l.contains("lxc.environment = LIBVIRT_LXC_UUID=c7a5fdbd-cdaf-9455-926a-d65c16db1809"));
        assertTrue(l.contains("lxc.init.uid = 1000"));
        assertTrue(l.contains("lxc.net.0.type = none"), "no interface, no privnet: the host's network");
        assertTrue(l.contains("lxc.cgroup.memory.limit_in_bytes = 102400000"), "hard_limit wins over memory");
        assertTrue(l.contains("lxc.cgroup.memory.soft_limit_in_bytes = 51200000"));
        assertTrue(l.contains("lxc.cgroup.memory.memsw.limit_in_bytes = 204800000"));
        assertTrue(l.contains("lxc.cgroup.cpu.shares = 512"));
        assertTrue(l.contains("lxc.cgroup.cpu.cfs_period_us = 100000"));
        assertTrue(l.contains("lxc.cgroup.cpu.cfs_quota_us = 50000"));
        assertTrue(l.contains("lxc.cgroup.cpuset.cpus = 0"));
        assertEquals(List.of("/bin/init-link", "a b"), c.initArgv());
    }

    @Test
    void writesV2LimitsAndMemoryWithoutMemtune() throws Exception {
        DomainDef d = def("  <cputune>\n    <shares>20000</shares>\n    <quota>-1</quota>\n  </cputune>\n", "");
        List<String> l = lines(new ContainerConfigBuilder(CgroupLayout.V2, new VethNames()).build(d));
        assertTrue(l.contains("lxc.cgroup2.memory.max = 512000000"), l.toString());
        assertTrue(l.contains("lxc.cgroup2.cpu.weight = 10000"), "shares clamped to cgroup v2's weight range");
        assertTrue(l.contains("lxc.cgroup2.cpu.max = max 100000"));
        assertTrue(l.contains("lxc.cgroup2.cpuset.cpus = 0"));
    }

    @Test
    void writesVethInterfaces() throws Exception {
        DomainDef d = def("  <features>\n    <privnet/>\n  </features>\n",
                "    <interface type='ethernet'>\n      <mac address='52:54:00:00:00:01'/>\n"
                        + "      <ip address='10.1.2.3'/>\n      <ip address='fd00::3' prefix='48'/>\n"
                        + "      <route address='::' gateway='fd00::1'/>\n      <target dev='vhost9'/>\n"
                        + "      <guest dev='net9'/>\n    </interface>\n");
        ContainerConfig c = new ContainerConfigBuilder(CgroupLayout.V1, new VethNames()).build(d);
        List<String> l = lines(c);
        assertTrue(l.contains("lxc.net.0.type = veth"), c.text());
        assertTrue(l.contains("lxc.net.0.veth.pair = vhost9"));
        assertTrue(l.contains("lxc.net.0.name = net9"));
        assertTrue(l.contains("lxc.net.0.hwaddr = 52:54:00:00:00:01"));
        assertTrue(l.contains("lxc.net.0.ipv4.address = 10.1.2.3/8"), "libvirt's classful prefix");
        assertTrue(l.contains("lxc.net.0.ipv6.address = fd00::3/48"));
        assertTrue(l.contains("lxc.net.0.ipv6.gateway = fd00::1"));
        assertEquals(List.of("vhost9"), c.veths());
    }

    @Test
    void refusesALineBreakInAValueAndAMissingInit() throws Exception {
        DomainDef d = def("", "");
        DomainDef broken = d.toBuilder().os(d.os().toBuilder().initEnv(List.of(
                new Os.InitEnv("X", "a\nlxc.init.uid = 0"))).build()).build();
        VirtException e = assertThrows(VirtException.class,
                () -> new ContainerConfigBuilder(CgroupLayout.V1, new VethNames()).build(broken));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        DomainDef noInit = d.toBuilder().os(d.os().toBuilder().init("/bin/missing").build()).build();
        e = assertThrows(VirtException.class, () -> new ContainerConfigBuilder(CgroupLayout.V1, new VethNames()).build(noInit));
        assertEquals("internal error: guest failed to start: cannot find init path '/bin/missing' relative to "
                + "container root: No such file or directory", e.getMessage());
    }

    @Test
    void escapesBlanksInMountEntries() {
        assertEquals("/a\\040b\\011c\\134d", ConfigText.fstab("/a b\tc\\d"));
    }

    @Test
    void resolvesSymlinksInsideTheRoot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/busybox"), "");
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("/bin/busybox"));
        Files.createSymbolicLink(root.resolve("bin/up"), Path.of("../../../../../bin/busybox"));
        assertEquals(root.resolve("bin/busybox"), RootPaths.resolve(root, "/bin/sh").orElseThrow());
        assertEquals(root.resolve("bin/busybox"), RootPaths.resolve(root, "/bin/up").orElseThrow(), ".. stops at the root");
        assertTrue(RootPaths.resolve(root, "/bin/none").isEmpty());
    }
    /**
     * Direct interfaces: liblxc's macvlan on the link (libvirt's passthrough is the kernel's passthru, vepa
     * the default), no host end; guest names as libvirt gives them, counting only unnamed interfaces.
     */
    @Test
    void writesDirectInterfacesAsMacvlansWithLibvirtsGuestNames() throws Exception {
        DomainDef d = def("", "    <interface type='direct'>\n      <mac address='52:54:00:00:00:01'/>\n"
                + "      <source dev='lo' mode='passthrough'/>\n      <guest dev='lan0'/>\n    </interface>\n"
                + "    <interface type='ethernet'>\n      <mac address='52:54:00:00:00:02'/>\n"
                + "      <target dev='jvcfg0'/>\n    </interface>\n"
                + "    <interface type='direct'>\n      <mac address='52:54:00:00:00:03'/>\n"
                + "      <source dev='lo'/>\n    </interface>\n");
        ContainerConfig c = new ContainerConfigBuilder(CgroupLayout.V1, new VethNames()).build(d);
        List<String> l = lines(c);
        int at = l.indexOf("lxc.net.0.type = macvlan");
        assertTrue(at >= 0, c.text());
        assertEquals(List.of("lxc.net.0.type = macvlan", "lxc.net.0.macvlan.mode = passthru", "lxc.net.0.link = lo",
                "lxc.net.0.name = lan0", "lxc.net.0.hwaddr = 52:54:00:00:00:01", "lxc.net.0.flags = up",
                "lxc.net.1.type = veth", "lxc.net.1.veth.pair = jvcfg0", "lxc.net.1.name = eth0",
                "lxc.net.1.hwaddr = 52:54:00:00:00:02", "lxc.net.1.flags = up",
                "lxc.net.2.type = macvlan", "lxc.net.2.macvlan.mode = vepa", "lxc.net.2.link = lo",
                "lxc.net.2.name = eth1", "lxc.net.2.hwaddr = 52:54:00:00:00:03", "lxc.net.2.flags = up"),
                l.subList(at, at + 17));
        assertEquals(java.util.Arrays.asList(null, "jvcfg0", null), c.veths(), "a macvlan has no host end");
    }
}
