package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;

/**
 * An interface's {@code <bandwidth>}, typed: libvirt's own test files read and written back byte for byte
 * and valid against domain.rng, and every error libvirt 9.0's parser gives (the messages and codes were
 * taken from {@code virsh define} against libvirt 9.0's test driver on this machine).
 */
class NetBandwidthModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static String domain(String type, String bandwidth) {
        String source = type.equals("network") ? "<source network='default'/>" : "<source bridge='br0'/>";
        return "<domain type='kvm'><name>t</name><memory>1024</memory><os><type>hvm</type></os><devices>"
                + "<interface type='" + type + "'><mac address='52:54:00:11:22:33'/>" + source + bandwidth
                + "</interface></devices></domain>";
    }

    @Test
    void libvirtsBandwidthTestsAreTypedAndFormatBackExactly() throws Exception {
        Path data = LibvirtTestData.require("qemuxmlconfdata").resolve("qemuxmlconfdata");
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        for (String name : new String[] {"net-bandwidth.x86_64-latest.xml", "net-bandwidth2.x86_64-latest.xml"}) {
            String xml = Files.readString(data.resolve(name));
            DomainDef def = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE);
            NetInterface nic = def.devices().interfaces().get(0);
            assertTrue(nic.other().children().stream().noneMatch(c -> c.name().equals("bandwidth")),
                    "typed, not preserved: " + nic.other());
            String out = codec.format(def, DomainXmlCodec.FORMAT_SECURE);
            assertEquals(xml, out, name);
            schema.assertValid(name, out);
        }
        NetBandwidth bw = codec.parse(Files.readString(data.resolve("net-bandwidth.x86_64-latest.xml")),
                DomainXmlCodec.PARSE_INACTIVE).devices().interfaces().get(0).bandwidth();
        assertEquals(new NetBandwidth(new NetBandwidth.Rate(1000, 4000, 1024, 0),
                new NetBandwidth.Rate(128, 256, 32768, 0)), bw);
        NetBandwidth floor = codec.parse(Files.readString(data.resolve("net-bandwidth2.x86_64-latest.xml")),
                DomainXmlCodec.PARSE_INACTIVE).devices().interfaces().get(0).bandwidth();
        assertEquals(new NetBandwidth(new NetBandwidth.Rate(0, 0, 0, 200), null), floor);
    }

    @Test
    void formatsAsLibvirtDoesAndIgnoresWhatItIgnores() throws Exception {
        // libvirt 9.0 printed exactly this for the same input: attribute order average, peak, floor, burst
        DomainDef def = codec.parse(domain("network", "<bandwidth><inbound average='10' peak='20' burst='5' "
                + "floor='3'/><outbound average='7' peak='9' burst='2'/><foo/></bandwidth>"), 0);
        String out = codec.format(def, 0);
        assertTrue(out.contains("""
                      <bandwidth>
                        <inbound average='10' peak='20' floor='3' burst='5'/>
                        <outbound average='7' peak='9' burst='2'/>
                      </bandwidth>
                """), out);
        assertNull(codec.parse(domain("bridge", "<bandwidth/>"), 0).devices().interfaces().get(0).bandwidth());
        // the largest unsigned 64-bit value and leading space are accepted, as strtoull takes them
        NetBandwidth big = codec.parse(domain("bridge", "<bandwidth><inbound average='18446744073709551615' "
                + "peak=' 7'/></bandwidth>"), 0).devices().interfaces().get(0).bandwidth();
        assertNotNull(big);
        assertEquals(-1L, big.inbound().average());
        assertEquals(7, big.inbound().peak());
        assertTrue(codec.format(codec.parse(domain("bridge", "<bandwidth><inbound average='18446744073709551615' "
                + "/></bandwidth>"), 0), 0).contains("<inbound average='18446744073709551615'/>"));
    }

    @Test
    void errorsAreLibvirts() {
        assertError(ErrorCode.XML_DETAIL, "classID attribute not supported on <bandwidth> in this usage context",
                "network", "<bandwidth classID='5'><inbound average='10'/></bandwidth>");
        assertError(ErrorCode.XML_DETAIL, "Missing mandatory average or floor attributes",
                "network", "<bandwidth><inbound peak='10'/></bandwidth>");
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "'peak' and 'burst' require 'average' attribute",
                "network", "<bandwidth><inbound floor='5' peak='3'/></bandwidth>");
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "'floor' attribute allowed only in <inbound> element",
                "network", "<bandwidth><outbound average='10' floor='5'/></bandwidth>");
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "floor attribute is not supported for this config",
                "bridge", "<bandwidth><inbound average='10' floor='5'/></bandwidth>");
        assertError(ErrorCode.XML_DETAIL, "Only one child <inbound> element allowed",
                "bridge", "<bandwidth><inbound average='1'/><inbound average='2'/></bandwidth>");
        for (String[] bad : new String[][] {{"average", "-1"}, {"average", "1 "}, {"average", ""},
            {"average", "18446744073709551616"}, {"peak", "x"}, {"burst", "0x10"}, {"floor", "x"}}) {
            String attrs = bad[0].equals("average") ? "average='" + bad[1] + "'" : "average='1' " + bad[0] + "='"
                    + bad[1] + "'";
            assertError(ErrorCode.CONFIG_UNSUPPORTED, "could not convert bandwidth " + bad[0] + " value '" + bad[1]
                    + "'", "network", "<bandwidth><inbound " + attrs + "/></bandwidth>");
        }
    }

    private void assertError(ErrorCode code, String message, String type, String bandwidth) {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(domain(type, bandwidth), 0), bandwidth);
        assertEquals(code, e.code(), bandwidth);
        assertTrue(e.getMessage().endsWith(message), e.getMessage());
    }
}
