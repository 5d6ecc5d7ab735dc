package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.DomainRef;

/**
 * Network namespaces: with {@code <privnet/>} and no interface a container sees only {@code lo};
 * an {@code <interface type='ethernet'>} is a veth pair whose guest end has the definition's
 * address and default route inside the container, and whose host end is gone after destroy.
 */
class ContainerNetworkTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SCRIPT = "ip -o link > /out/links; ip -o addr > /out/addr; ip route > /out/route; "
            + "echo ready > /out/ready; while :; do sleep 1; done";

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

    private String xml(String name, Path root, Path out, String features, String devices) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + SCRIPT.replace(">", "&gt;") + "</initarg>\n  </os>\n" + features + "  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n" + devices
                + "    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @Test
    void privnetWithoutInterfacesGivesOnlyLoopback() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = bed.conn.createXml(xml("jvirt-lxc-n1", root, out, "  <features>\n    <privnet/>\n  </features>\n",
                ""), 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        String links = LxcTestBed.read(out.resolve("links"));
        assertEquals(1, links.lines().count(), links);
        assertTrue(links.contains(": lo:"), links);
        bed.conn.destroy(ref, 0);
    }

    @Test
    void anEthernetInterfaceIsAVethWithItsAddressAndRouteInside() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        String iface = "    <interface type='ethernet'>\n      <mac address='52:54:00:4a:7c:01'/>\n"
                + "      <ip address='192.0.2.10' family='ipv4' prefix='24'/>\n"
                + "      <route family='ipv4' address='0.0.0.0' prefix='0' gateway='192.0.2.1'/>\n    </interface>\n";
        DomainRef ref = bed.conn.createXml(xml("jvirt-lxc-n2", root, out, "", iface), 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        String addr = LxcTestBed.read(out.resolve("addr"));
        assertTrue(addr.contains("eth0") && addr.contains("inet 192.0.2.10/24"), addr);
        assertTrue(LxcTestBed.read(out.resolve("links")).contains("52:54:00:4a:7c:01"));
        assertTrue(LxcTestBed.read(out.resolve("route")).contains("default via 192.0.2.1 dev eth0"),
                LxcTestBed.read(out.resolve("route")));

        String live = bed.conn.xmlDesc(ref, 0);
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(live);
        assertTrue(m.find(), live);
        String hostVeth = m.group(1);
        assertTrue(VethNames.exists(hostVeth), "host end " + hostVeth + " exists while the container runs");
        bed.conn.destroy(ref, 0);
        assertFalse(VethNames.exists(hostVeth), "host end " + hostVeth + " gone after destroy");
    }
}
