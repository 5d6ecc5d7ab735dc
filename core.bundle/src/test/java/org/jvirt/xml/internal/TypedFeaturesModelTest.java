package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.Hyperv;
import org.jvirt.api.xml.Kvm;

/** The typed accessors of {@code <features>} and the checks and completions the codec applies. */
class TypedFeaturesModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static String domain(String features) {
        return """
                <domain type='kvm'>
                  <name>t</name>
                  <memory unit='KiB'>1048576</memory>
                  <vcpu placement='static'>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='q35'>hvm</type>
                  </os>
                  <features>
                """ + features + """
                  </features>
                  <devices/>
                </domain>
                """;
    }

    private Features parse(String features) throws VirtException {
        return codec.parse(domain(features), 0).features();
    }

    @Test
    void statesAndAttributesAreTyped() throws VirtException {
        Features f = parse("""
                <acpi/>
                <apic eoi='on'/>
                <pmu/>
                <vmport state='off'/>
                <ps2 state='off'/>
                <gic version='3'/>
                <ioapic driver='qemu'/>
                <async-teardown enabled='yes'/>
                <hpt resizing='required'><maxpagesize unit='MiB'>2</maxpagesize></hpt>
                <tcg><tb-cache unit='MiB'>100</tb-cache></tcg>
                <smm state='on'><tseg>48</tseg></smm>
                <future-feature knob='1'/>
                """);
        assertTrue(f.on("acpi"));
        assertTrue(f.on("pmu"));
        assertTrue(f.off("vmport"));
        assertTrue(f.off("ps2"));
        assertNull(f.state("pae"));
        assertEquals("on", f.apicEoi());
        assertEquals("3", f.gicVersion());
        assertEquals("qemu", f.ioapicDriver());
        assertEquals("yes", f.asyncTeardown());
        assertEquals("required", f.hptResizing());
        assertEquals(2048L, f.hptMaxPageSizeKib());
        assertEquals(102400L, f.tcgTbCacheKib());
        assertEquals(new Features.Smm("on", 48L * 1024), f.smm());
        assertEquals("1", f.get("future-feature").attribute("knob"));
    }

    @Test
    void libvirtsParseCompletionsAreFormatted() throws VirtException {
        DomainDef def = codec.parse(domain("""
                <pmu/>
                <vmcoreinfo/>
                <hyperv><relaxed state='on'/></hyperv>
                <smm state='on'><tseg>48</tseg></smm>
                <future-feature knob='1'/>
                """), 0);
        String xml = codec.format(def, 0);
        assertTrue(xml.contains("<pmu state='on'/>"), xml);
        assertTrue(xml.contains("<vmcoreinfo state='on'/>"), xml);
        assertTrue(xml.contains("<hyperv mode='custom'>"), xml);
        assertTrue(xml.contains("<tseg unit='MiB'>48</tseg>"), xml);
        assertTrue(xml.contains("<future-feature knob='1'/>"), xml);
        // formatted in libvirt's order; a second round trip is stable
        assertEquals(xml, codec.format(codec.parse(xml, 0), 0));
        assertTrue(xml.indexOf("<hyperv") < xml.indexOf("<pmu") && xml.indexOf("<pmu") < xml.indexOf("<smm"), xml);
    }

    @Test
    void hypervAndKvmAreTyped() throws VirtException {
        Features f = parse("""
                <hyperv mode='custom'>
                  <relaxed state='on'/>
                  <spinlocks state='on' retries='4096'/>
                  <stimer state='on'><direct state='on'/></stimer>
                  <vendor_id state='on' value='KVM Hv'/>
                  <tlbflush state='on'><direct state='on'/><extended state='off'/></tlbflush>
                </hyperv>
                <kvm>
                  <hidden state='on'/>
                  <hint-dedicated state='on'/>
                  <poll-control state='off'/>
                  <pv-ipi state='on'/>
                  <dirty-ring state='on' size='4096'/>
                </kvm>
                """);
        Hyperv hv = f.hyperv();
        assertEquals("custom", hv.mode());
        assertEquals("on", hv.state("relaxed"));
        assertEquals(4096, hv.feature("spinlocks").retries());
        assertEquals("on", hv.feature("stimer").direct());
        assertEquals("KVM Hv", hv.feature("vendor_id").value());
        assertEquals("on", hv.feature("tlbflush").direct());
        assertEquals("off", hv.feature("tlbflush").extended());
        assertNull(hv.feature("evmcs"));
        assertEquals(new Kvm("on", "on", "off", "on", "on", 4096), f.kvm());
        assertFalse(f.has("smm"));
        assertNull(f.smm());
    }

    @Test
    void badNumbersAreRejectedWithLibvirtsWording() {
        VirtException e = assertThrows(VirtException.class,
                () -> parse("<hyperv><spinlocks state='on' retries='many'/></hyperv>"));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("Invalid value for attribute 'retries' in element 'spinlocks': 'many'"),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> parse("<kvm><dirty-ring state='on' size='-1'/></kvm>"));
        assertTrue(e.getMessage().contains("'size' in element 'dirty-ring'"), e.getMessage());
        e = assertThrows(VirtException.class, () -> parse("<smm state='on'><tseg>x</tseg></smm>"));
        assertTrue(e.getMessage().contains("tseg"), e.getMessage());
    }
}
