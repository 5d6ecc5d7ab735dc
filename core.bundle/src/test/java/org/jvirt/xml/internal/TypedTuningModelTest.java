package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.BlkioTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.IoThread;
import org.jvirt.api.xml.MemoryBacking;
import org.jvirt.api.xml.NumaTune;

/** The typed domain-level tuning elements: values parsed once, formatted back as libvirt does. */
class TypedTuningModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static String domain(String vcpu, String tuning, String cpu) {
        return """
                <domain type='kvm'>
                  <name>t</name>
                  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
                  <memory unit='KiB'>1048576</memory>
                """ + vcpu + tuning + """
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                  </os>
                """ + cpu + """
                  <devices/>
                </domain>
                """;
    }

    private static String domain(String tuning) {
        return domain("  <vcpu placement='static'>2</vcpu>\n", tuning, "");
    }

    private static final String NUMA_CPU = """
              <cpu>
                <numa>
                  <cell id='0' cpus='0' memory='524288' unit='KiB'/>
                  <cell id='1' cpus='1' memory='524288' unit='KiB'/>
                </numa>
              </cpu>
            """;

    @Test
    void memtuneLimitsAreKibAndFormattedInLibvirtsOrder() throws VirtException {
        DomainDef def = codec.parse(domain("""
                  <memtune>
                    <swap_hard_limit unit='G'>2</swap_hard_limit>
                    <hard_limit unit='M'>1</hard_limit>
                    <min_guarantee>1500</min_guarantee>
                  </memtune>
                """), 0);
        assertEquals(1024L, def.memtune().hardLimit());
        assertNull(def.memtune().softLimit());
        assertEquals(1500L, def.memtune().minGuarantee());
        assertEquals(2L * 1024 * 1024, def.memtune().swapHardLimit());
        assertTrue(codec.format(def, 0).contains("""
                  <memtune>
                    <hard_limit unit='KiB'>1024</hard_limit>
                    <min_guarantee unit='KiB'>1500</min_guarantee>
                    <swap_hard_limit unit='KiB'>2097152</swap_hard_limit>
                  </memtune>
                """), codec.format(def, 0));
    }

    @Test
    void unlimitedMemtuneIsNotWritten() throws VirtException {
        DomainDef def = codec.parse(domain("""
                  <memtune>
                    <hard_limit unit='KiB'>9007199254740991</hard_limit>
                  </memtune>
                """), 0);
        assertNull(def.memtune().hardLimit());
        assertFalse(codec.format(def, 0).contains("memtune"));
    }

    @Test
    void badMemtuneValueIsLibvirtsError() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <memtune><hard_limit>lots</hard_limit></memtune>
                """), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("Invalid value 'lots' for element or attribute './memtune/hard_limit[1]'"),
                e.getMessage());
    }

    @Test
    void memoryBackingIsTypedAndUnknownChildrenSurvive() throws VirtException {
        DomainDef def = codec.parse(domain("", """
                  <memoryBacking>
                    <discard/>
                    <allocation mode='immediate' threads='8'/>
                    <access mode='shared'/>
                    <hugepages>
                      <page size='2' unit='M' nodeset='1,0'/>
                      <page size='1048576'/>
                    </hugepages>
                    <locked/>
                    <source type='memfd'/>
                    <future-thing x='1'/>
                  </memoryBacking>
                """, NUMA_CPU), 0);
        MemoryBacking mb = def.memoryBacking();
        assertTrue(mb.hugepages());
        assertEquals(List.of(new MemoryBacking.Page(2048, "0-1"), new MemoryBacking.Page(1048576, null)), mb.pages());
        assertTrue(mb.locked());
        assertFalse(mb.nosharepages());
        assertTrue(mb.discard());
        assertEquals("memfd", mb.sourceType());
        assertEquals("shared", mb.accessMode());
        assertEquals("immediate", mb.allocationMode());
        assertEquals(8, mb.allocationThreads());
        String out = codec.format(def, 0);
        assertTrue(out.contains("""
                  <memoryBacking>
                    <hugepages>
                      <page size='2048' unit='KiB' nodeset='0-1'/>
                      <page size='1048576' unit='KiB'/>
                    </hugepages>
                    <locked/>
                    <source type='memfd'/>
                    <access mode='shared'/>
                    <allocation mode='immediate' threads='8'/>
                    <discard/>
                    <future-thing x='1'/>
                  </memoryBacking>
                """), out);
    }

    @Test
    void zeroHugepageSizeIsRejected() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <memoryBacking><hugepages><page size='0'/></hugepages></memoryBacking>
                """), 0));
        assertTrue(e.getMessage().contains("hugepage size can't be zero"), e.getMessage());
    }

    @Test
    void numatuneDefaultsAndMemnodesByCell() throws VirtException {
        DomainDef def = codec.parse(domain("  <vcpu placement='static'>2</vcpu>\n", """
                  <numatune>
                    <memnode cellid='1' mode='preferred' nodeset='3'/>
                    <memory nodeset='2,0-1'/>
                    <memnode cellid='0' nodeset='0'/>
                  </numatune>
                """, NUMA_CPU), 0);
        NumaTune nt = def.numatune();
        assertEquals("strict", nt.memoryMode());
        assertEquals("static", nt.memoryPlacement());
        assertEquals("0-2", nt.memoryNodeset());
        assertEquals(List.of(new NumaTune.MemNode(0, "strict", "0"), new NumaTune.MemNode(1, "preferred", "3")),
                nt.memnodes());
        assertTrue(codec.format(def, 0).contains("""
                  <numatune>
                    <memory mode='strict' nodeset='0-2'/>
                    <memnode cellid='0' mode='strict' nodeset='0'/>
                    <memnode cellid='1' mode='preferred' nodeset='3'/>
                  </numatune>
                """));
    }

    @Test
    void automaticVcpuPlacementImpliesAutomaticMemoryPlacementAndBack() throws VirtException {
        DomainDef auto = codec.parse(domain("  <vcpu placement='auto'>2</vcpu>\n", "", ""), 0);
        assertEquals("auto", auto.numatune().memoryPlacement());
        assertTrue(codec.format(auto, 0).contains("<memory mode='strict' placement='auto'/>"));
        DomainDef back = codec.parse(domain("  <vcpu placement='static'>2</vcpu>\n", """
                  <numatune><memory mode='interleave' placement='auto'/></numatune>
                """, ""), 0);
        assertEquals("auto", back.vcpu().placement());
        assertNull(codec.parse(domain(""), 0).numatune());
    }

    @Test
    void numatuneErrorsAreLibvirts() {
        VirtException staticNoNodeset = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <numatune><memory placement='static'/></numatune>
                """), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, staticNoNodeset.code());
        VirtException noCells = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <numatune><memory nodeset='0'/><memnode cellid='0' nodeset='0'/></numatune>
                """), 0));
        assertTrue(noCells.getMessage().contains("Element 'memnode' is invalid without any guest NUMA cells"));
    }

    @Test
    void blkiotuneDevicesFormatAsLibvirtAndZeroIsUnset() throws VirtException {
        DomainDef def = codec.parse(domain("""
                  <blkiotune>
                    <weight>800</weight>
                    <device>
                      <path>/dev/sda</path>
                      <write_bytes_sec>5678</write_bytes_sec>
                      <read_iops_sec>4321</read_iops_sec>
                      <weight>0</weight>
                    </device>
                  </blkiotune>
                """), 0);
        BlkioTune b = def.blkiotune();
        assertEquals(800, b.weight());
        assertEquals(List.of(new BlkioTune.Device("/dev/sda", null, null, 5678L, 4321, null)), b.devices());
        assertTrue(codec.format(def, 0).contains("""
                    <device>
                      <path>/dev/sda</path>
                      <read_iops_sec>4321</read_iops_sec>
                      <write_bytes_sec>5678</write_bytes_sec>
                    </device>
                """));
        VirtException dup = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <blkiotune>
                    <device><path>/dev/sda</path><weight>1</weight></device>
                    <device><path>/dev/sda</path><weight>2</weight></device>
                  </blkiotune>
                """), 0));
        assertTrue(dup.getMessage().contains("duplicate blkio device path '/dev/sda'"));
    }

    @Test
    void iothreadsCountCoversTheIdsAndNumbersAreChecked() throws VirtException {
        DomainDef def = codec.parse(domain("""
                  <iothreads>1</iothreads>
                  <iothreadids>
                    <iothread id='2' thread_pool_min='1' thread_pool_max='4'/>
                    <iothread id='5'/>
                  </iothreadids>
                  <defaultiothread thread_pool_max='3'/>
                """), 0);
        assertEquals(2, def.iothreads());
        assertEquals(List.of(2, 5), def.iothreadIds().stream().map(IoThread::id).toList());
        assertEquals(4, def.iothreadIds().get(0).threadPoolMax());
        assertEquals(3, def.defaultIoThread().threadPoolMax());
        assertNull(def.defaultIoThread().threadPoolMin());
        String out = codec.format(def, 0);
        assertTrue(out.contains("""
                  <iothreads>2</iothreads>
                  <iothreadids>
                    <iothread id='2' thread_pool_min='1' thread_pool_max='4'/>
                    <iothread id='5'/>
                  </iothreadids>
                  <defaultiothread thread_pool_max='3'/>
                """), out);
        VirtException neg = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <iothreadids><iothread id='1' thread_pool_min='-2'/></iothreadids>
                """), 0));
        assertTrue(neg.getMessage().contains("Invalid value for attribute 'thread_pool_min' in element 'iothread': "
                + "'-2'. Expected non-negative value"), neg.getMessage());
        VirtException zero = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <iothreadids><iothread id='0'/></iothreadids>
                """), 0));
        assertTrue(zero.getMessage().contains("Expected non-zero value"));
        VirtException count = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <iothreads>many</iothreads>
                """), 0));
        assertTrue(count.getMessage().contains("invalid iothreads count 'many'"));
    }

    @Test
    void pmResourceLockfailureAndGenid() throws VirtException {
        DomainDef def = codec.parse(domain("""
                  <genid>e9392370-2917-565e-692b-d057f46512d6</genid>
                  <resource><partition>/machine</partition></resource>
                  <on_lockfailure>pause</on_lockfailure>
                  <pm><suspend-to-disk enabled='no'/><suspend-to-mem enabled='yes'/></pm>
                """), 0);
        assertEquals(UUID.fromString("e9392370-2917-565e-692b-d057f46512d6"), def.genid());
        assertFalse(def.genidGenerated());
        assertEquals("/machine", def.resource().partition());
        assertEquals("pause", def.onLockfailure());
        assertEquals("yes", def.pm().suspendToMem());
        assertEquals("no", def.pm().suspendToDisk());
        String out = codec.format(def, 0);
        assertTrue(out.contains("<pm>\n    <suspend-to-mem enabled='yes'/>\n    <suspend-to-disk enabled='no'/>\n  </pm>"),
                out);
        assertTrue(out.indexOf("<genid>") < out.indexOf("<memory"), "genid comes right after uuid");
        assertEquals(out, codec.format(codec.parse(out, 0), 0), "format is a fixed point");

        DomainDef auto = codec.parse(domain("  <genid/>\n"), 0);
        assertTrue(auto.genidGenerated());
        assertEquals(4, auto.genid().version());
        VirtException pm = assertThrows(VirtException.class, () -> codec.parse(domain("""
                  <pm><suspend-to-mem enabled='maybe'/></pm>
                """), 0));
        assertTrue(pm.getMessage().contains("unknown PM state value maybe"));
    }
}
