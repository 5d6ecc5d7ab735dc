package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.Timer;

/** The typed {@code <cputune>}, {@code <cpu>} (cache, maxphysaddr, NUMA cells) and {@code <clock>}. */
class TypedCpuClockModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private DomainDef parse(String xml) throws VirtException {
        return codec.parse(xml, 0);
    }

    private static String domain(String body) {
        return """
                <domain type='kvm'>
                  <name>t</name>
                  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
                  <memory unit='KiB'>1048576</memory>
                  <vcpu placement='static'>4</vcpu>
                  <iothreads>2</iothreads>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                  </os>
                """ + body + """
                  <devices/>
                </domain>
                """;
    }

    @Test
    void cputuneNumbersPinsAndSchedulersAreTyped() throws VirtException {
        DomainDef def = parse(domain("""
                  <cputune>
                    <iothread_quota>-1</iothread_quota>
                    <shares>2048</shares>
                    <global_period>1000000</global_period>
                    <emulator_period>5000</emulator_period>
                    <emulator_quota>6000</emulator_quota>
                    <iothreadpin iothread='1' cpuset='3,2'/>
                    <vcpusched vcpus='1-2' scheduler='fifo' priority='5'/>
                    <emulatorsched scheduler='batch'/>
                    <iothreadsched iothreads='2' scheduler='idle'/>
                  </cputune>
                """));
        CpuTune t = def.cputune();
        assertEquals(2048L, t.shares());
        assertEquals(1_000_000L, t.globalPeriod());
        assertEquals(5000L, t.emulatorPeriod());
        assertEquals(6000L, t.emulatorQuota());
        assertEquals(-1L, t.iothreadQuota());
        assertNull(t.globalQuota());
        assertEquals(List.of(new CpuTune.IoThreadPin(1, "2-3")), t.iothreadPins());
        assertEquals(List.of(new CpuTune.Sched(1, "fifo", 5), new CpuTune.Sched(2, "fifo", 5)), t.vcpuScheds());
        assertEquals(new CpuTune.Sched(null, "batch", null), t.emulatorSched());
        assertEquals(List.of(new CpuTune.Sched(2, "idle", null)), t.iothreadScheds());
        assertTrue(t.other().children().isEmpty());
        String xml = codec.format(def, 0);
        assertTrue(xml.contains("""
                    <shares>2048</shares>
                    <global_period>1000000</global_period>
                    <emulator_period>5000</emulator_period>
                    <emulator_quota>6000</emulator_quota>
                    <iothread_quota>-1</iothread_quota>
                    <iothreadpin iothread='1' cpuset='2-3'/>
                    <emulatorsched scheduler='batch'/>
                    <vcpusched vcpus='1' scheduler='fifo' priority='5'/>
                    <vcpusched vcpus='2' scheduler='fifo' priority='5'/>
                    <iothreadsched iothreads='2' scheduler='idle'/>
                """), xml);
        assertEquals(def.cputune(), parse(xml).cputune());
    }

    @Test
    void cputuneErrorsUseLibvirtsWording() {
        VirtException zero = assertThrows(VirtException.class, () -> parse(domain(
                "<cputune><iothreadpin iothread='0' cpuset='1'/></cputune>")));
        assertEquals("XML error: zero is an invalid iothread id value", zero.getMessage());
        VirtException sched = assertThrows(VirtException.class, () -> parse(domain(
                "<cputune><vcpusched vcpus='0' scheduler='fast'/></cputune>")));
        assertTrue(sched.getMessage().contains("'scheduler' in element 'vcpusched': 'fast'"), sched.getMessage());
        VirtException period = assertThrows(VirtException.class, () -> parse(domain(
                "<cputune><emulator_period>x</emulator_period></cputune>")));
        assertEquals(ErrorCode.XML_ERROR, period.code());
    }

    @Test
    void cpuCacheMaxphysaddrAndNumaCellsAreTyped() throws VirtException {
        DomainDef def = parse(domain("""
                  <cpu mode='host-passthrough' migratable='off'>
                    <cache mode='passthrough'/>
                    <maxphysaddr mode='passthrough' limit='39'/>
                    <numa>
                      <cell cpus='2,3,0-1' memory='1' unit='GiB' memAccess='shared'>
                        <distances>
                          <sibling id='0' value='10'/>
                        </distances>
                        <cache level='1' associativity='direct' policy='writeback'>
                          <size value='8' unit='KiB'/>
                          <line value='8' unit='B'/>
                        </cache>
                      </cell>
                    </numa>
                  </cpu>
                """));
        Cpu cpu = def.cpu();
        assertEquals("off", cpu.migratable());
        assertEquals(new Cpu.Cache(null, "passthrough"), cpu.cache());
        assertEquals(new Cpu.MaxPhysAddr("passthrough", null, 39), cpu.maxPhysAddr());
        NumaCell cell = cpu.numaCells().get(0);
        assertEquals(0, cell.id());
        assertEquals("0-3", cell.cpus());
        assertEquals(1_048_576L, cell.memoryKib());
        assertEquals("shared", cell.memAccess());
        assertEquals(List.of(new NumaCell.Distance(0, 10)), cell.distances());
        // the HMAT cache of the cell is not modelled: it is kept and formatted back
        assertEquals("cache", cell.other().children().get(0).name());
        assertTrue(cpu.other().children().isEmpty());
        String xml = codec.format(def, 0);
        assertTrue(xml.contains("<cpu mode='host-passthrough' migratable='off'>"), xml);
        assertTrue(xml.contains("<cell id='0' cpus='0-3' memory='1048576' unit='KiB' memAccess='shared'>"), xml);
        assertTrue(xml.contains("<line value='8' unit='B'/>"), xml);
        assertTrue(xml.indexOf("<cache mode='passthrough'/>") < xml.indexOf("<maxphysaddr"), xml);
        assertEquals(cpu, parse(xml).cpu());
    }

    @Test
    void numaErrorsUseLibvirtsWording() {
        VirtException ids = assertThrows(VirtException.class, () -> parse(domain(
                "<cpu><numa><cell id='1' cpus='0' memory='1024'/></numa></cpu>")));
        assertTrue(ids.getMessage().contains("Exactly one 'cell' element per guest NUMA cell allowed"));
        VirtException sibling = assertThrows(VirtException.class, () -> parse(domain("""
                <cpu><numa><cell id='0' cpus='0' memory='1024'><distances><sibling id='2' value='20'/></distances>
                </cell></numa></cpu>""")));
        assertEquals("XML error: 'sibling_id 2' does not refer to a valid cell within NUMA 'cell id 0'",
                sibling.getMessage());
        VirtException mode = assertThrows(VirtException.class, () -> parse(domain(
                "<cpu><cache mode='sometimes'/></cpu>")));
        assertEquals("XML error: Invalid CPU cache mode 'sometimes'", mode.getMessage());
        VirtException bits = assertThrows(VirtException.class, () -> parse(domain(
                "<cpu><maxphysaddr mode='emulate' bits='many'/></cpu>")));
        assertTrue(bits.getMessage().contains("'bits' in element 'maxphysaddr'"), bits.getMessage());
    }

    @Test
    void clockTimersAreTypedAndUtcAdjustmentBecomesVariable() throws VirtException {
        DomainDef def = parse(domain("""
                  <clock offset='localtime' adjustment='3600'>
                    <timer name='rtc' tickpolicy='catchup' track='guest'>
                      <catchup threshold='123' slew='120' limit='10000'/>
                    </timer>
                    <timer name='tsc' frequency='4567890000' mode='native'/>
                    <timer name='hpet' present='no'/>
                  </clock>
                """));
        Clock c = def.clock();
        assertEquals("variable", c.offset());
        assertEquals(3600L, c.adjustment());
        assertEquals("localtime", c.basis());
        Timer rtc = c.timer("rtc");
        assertEquals("catchup", rtc.tickpolicy());
        assertEquals("guest", rtc.track());
        assertEquals(123, rtc.catchupThreshold());
        assertEquals(10000, rtc.catchupLimit());
        assertEquals(4_567_890_000L, c.timer("tsc").frequency());
        assertEquals("no", c.timer("hpet").present());
        String xml = codec.format(def, 0);
        assertTrue(xml.contains("<clock offset='variable' adjustment='3600' basis='localtime'>"), xml);
        assertTrue(xml.contains("<catchup threshold='123' slew='120' limit='10000'/>"), xml);
        assertTrue(xml.contains("<timer name='tsc' frequency='4567890000' mode='native'/>"), xml);
        assertEquals(c, parse(xml).clock());
    }

    @Test
    void absoluteClockStartIsANumber() throws VirtException {
        DomainDef def = parse(domain("<clock offset='absolute' start='253402300799'/>"));
        assertEquals(253_402_300_799L, def.clock().start());
        assertTrue(codec.format(def, 0).contains("<clock offset='absolute' start='253402300799'/>"));
        VirtException bad = assertThrows(VirtException.class, () -> parse(domain(
                "<clock offset='utc'><timer name='sundial'/></clock>")));
        assertEquals("XML error: unknown timer name 'sundial'", bad.getMessage());
    }
}
