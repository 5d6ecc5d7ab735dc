package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.MemoryDevice;
import org.jvirt.api.xml.RedirFilter;
import org.jvirt.api.xml.Redirdev;
import org.jvirt.api.xml.Shmem;
import org.jvirt.api.xml.Smartcard;
import org.jvirt.api.xml.Tpm;

/** Smartcard, redirdev, redirfilter, tpm, memory devices and shmem: typed values, libvirt's format, exact round trip. */
class CharAndMemoryDevicesModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static final String DEVICES = """
                <smartcard mode='host-certificates'>
                  <certificate>cert1</certificate>
                  <certificate>cert2</certificate>
                  <certificate>cert3</certificate>
                  <database>/tmp/foo</database>
                </smartcard>
                <smartcard mode='passthrough' type='tcp'>
                  <source mode='bind' host='127.0.0.1' service='2001'/>
                  <protocol type='raw'/>
                  <address type='ccid' controller='0' slot='1'/>
                </smartcard>
                <tpm model='tpm-crb'>
                  <backend type='emulator' version='2.0' persistent_state='yes'>
                    <encryption secret='32ee7e76-2178-47a1-ab7b-269e6e348015'/>
                    <active_pcr_banks>
                      <sha256/>
                      <sha384/>
                    </active_pcr_banks>
                  </backend>
                </tpm>
                <tpm model='tpm-tis'>
                  <backend type='passthrough'>
                    <device path='/dev/tpm0'/>
                  </backend>
                </tpm>
                <redirdev bus='usb' type='spicevmc'>
                  <boot order='1'/>
                </redirdev>
                <redirdev bus='usb' type='tcp'>
                  <source mode='connect' host='localhost' service='4000'/>
                  <protocol type='raw'/>
                </redirdev>
                <redirfilter>
                  <usbdev class='0x08' vendor='0x15E1' product='0x2007' version='1.10' allow='yes'/>
                  <usbdev allow='no'/>
                </redirfilter>
                <shmem name='shmem2' role='peer'>
                  <model type='ivshmem-doorbell'/>
                  <size unit='M'>4</size>
                  <server path='/tmp/socket-shmem2'/>
                  <msi vectors='32' ioeventfd='on'/>
                </shmem>
                <memory model='nvdimm' access='shared'>
                  <source>
                    <path>/tmp/nvdimm</path>
                    <alignsize unit='KiB'>2048</alignsize>
                    <pmem/>
                  </source>
                  <target>
                    <size unit='KiB'>523264</size>
                    <node>0</node>
                    <label>
                      <size unit='KiB'>128</size>
                    </label>
                    <readonly/>
                  </target>
                </memory>
                <memory model='virtio-mem'>
                  <source>
                    <nodemask>1-3</nodemask>
                    <pagesize unit='KiB'>2048</pagesize>
                  </source>
                  <target dynamicMemslots='yes'>
                    <size unit='KiB'>2097152</size>
                    <node>0</node>
                    <block unit='KiB'>2048</block>
                    <requested unit='KiB'>1048576</requested>
                    <address base='0x150000000'/>
                  </target>
                </memory>
            """;

    @Test
    void typedValuesAreParsed() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices(DEVICES), 0);
        assertTrue(def.devices().all().stream().noneMatch(d -> d instanceof GenericDevice), "all typed");
        List<Smartcard> cards = def.devices().ofType(Smartcard.class);
        assertEquals(List.of("cert1", "cert2", "cert3"), cards.get(0).certificates());
        assertEquals("/tmp/foo", cards.get(0).database());
        assertEquals(0, cards.get(0).info().address().slot(), "post-parse gives the first card CCID slot 0");
        assertEquals("tcp", cards.get(1).type());
        assertEquals("bind", cards.get(1).source().mode());
        assertEquals("2001", cards.get(1).source().service());

        Tpm crb = def.devices().ofType(Tpm.class).get(0);
        assertEquals("tpm-crb", crb.model());
        assertEquals("emulator", crb.backend().type());
        assertEquals("2.0", crb.backend().version());
        assertEquals("yes", crb.backend().persistentState());
        assertEquals("32ee7e76-2178-47a1-ab7b-269e6e348015", crb.backend().encryptionSecret());
        assertEquals(List.of("sha256", "sha384"), crb.backend().activePcrBanks());
        assertEquals("/dev/tpm0", def.devices().ofType(Tpm.class).get(1).backend().devicePath());

        List<Redirdev> redirs = def.devices().ofType(Redirdev.class);
        assertEquals("spicevmc", redirs.get(0).type());
        assertNull(redirs.get(0).source());
        assertEquals(1, redirs.get(0).info().bootOrder());
        assertEquals("localhost", redirs.get(1).source().host());
        RedirFilter filter = def.devices().ofType(RedirFilter.class).get(0);
        assertEquals(new RedirFilter.UsbDev("0x08", "0x15E1", "0x2007", "1.10", "yes"), filter.usbdevs().get(0));
        assertEquals(new RedirFilter.UsbDev(null, null, null, null, "no"), filter.usbdevs().get(1));

        Shmem shmem = def.devices().ofType(Shmem.class).get(0);
        assertEquals(4L << 20, shmem.sizeBytes());
        assertEquals("ivshmem-doorbell", shmem.modelType());
        assertEquals("/tmp/socket-shmem2", shmem.serverPath());
        assertEquals(32, shmem.msiVectors());
        assertEquals("on", shmem.msiIoeventfd());

        MemoryDevice nvdimm = def.devices().ofType(MemoryDevice.class).get(0);
        assertEquals("shared", nvdimm.access());
        assertEquals("/tmp/nvdimm", nvdimm.source().path());
        assertEquals(2048L, nvdimm.source().alignsizeKib());
        assertTrue(nvdimm.source().pmem());
        assertEquals(523264L, nvdimm.target().sizeKib());
        assertEquals(128L, nvdimm.target().labelSizeKib());
        assertTrue(nvdimm.target().readonly());
        MemoryDevice mem = def.devices().ofType(MemoryDevice.class).get(1);
        assertEquals("1-3", mem.source().nodemask());
        assertEquals(2048L, mem.source().pagesizeKib());
        assertFalse(mem.source().pmem());
        assertEquals(0, mem.target().node());
        assertEquals(1048576L, mem.target().requestedKib());
        assertEquals(0x150000000L, mem.target().addressBase());
        assertEquals("yes", mem.target().dynamicMemslots());
    }

    /**
     * A running guest's first pty console shows its pty as {@code tty='...'} too (libvirt's
     * tty_compat in virDomainChrDefFormat), the serial only as its source; the inactive XML shows
     * neither, and the live XML read back formats the same.
     */
    @Test
    void liveConsoleShowsItsPtyAsTty() throws VirtException {
        String live = TestDomains.withDevices("""
                    <serial type='pty'>
                      <source path='/dev/pts/3'/>
                      <target type='isa-serial' port='0'/>
                    </serial>
                    <console type='pty'>
                      <source path='/dev/pts/3'/>
                      <target type='serial' port='0'/>
                    </console>
                """).replace("<domain type='kvm'>", "<domain type='kvm' id='7'>");
        String out = codec.format(codec.parse(live, 0), 0);
        assertTrue(out.contains("<console type='pty' tty='/dev/pts/3'>\n      <source path='/dev/pts/3'/>"), out);
        assertTrue(out.contains("<serial type='pty'>\n      <source path='/dev/pts/3'/>"), out);
        assertEquals(out, codec.format(codec.parse(out, 0), 0), "format is a fixed point");
        String inactive = codec.format(codec.parse(out, 0), DomainXmlCodec.FORMAT_INACTIVE);
        assertFalse(inactive.contains("tty="), inactive);
        assertFalse(inactive.contains("/dev/pts/3"), inactive);
    }

    @Test
    void roundTripIsExact() throws VirtException {
        String out = codec.format(codec.parse(TestDomains.withDevices(DEVICES), 0), 0);
        // what post-parse adds: the CCID address of the first card and the ccid controller
        String expected = DEVICES.replace("<database>/tmp/foo</database>\n",
                "<database>/tmp/foo</database>\n      <address type='ccid' controller='0' slot='0'/>\n");
        for (String line : expected.strip().split("\n")) {
            assertTrue(out.contains(line.strip()), "missing: " + line.strip() + "\n" + out);
        }
        int from = out.indexOf("<smartcard");
        String devices = out.substring(from, out.indexOf("</devices>"));
        String body = devices.replaceAll("(?s)\\s*<controller type='ccid'.*?/>", "");
        assertEquals(expected.strip().replaceAll("\\s+", " "), body.strip().replaceAll("\\s+", " ")
                .replaceAll(" <input.*", "").replaceAll("(?s) <memballoon.*", ""), "exact round trip");
        assertEquals(out, codec.format(codec.parse(out, 0), 0), "format is a fixed point");
    }

    @Test
    void sizesAreNormalisedAsLibvirtFormatsThem() throws VirtException {
        String out = codec.format(codec.parse(TestDomains.withDevices("""
                <memory model='dimm'>
                  <target>
                    <size unit='GiB'>1</size>
                    <node>0</node>
                  </target>
                </memory>
                <shmem name='s'>
                  <size unit='KiB'>2048</size>
                </shmem>
                """), 0), 0);
        assertTrue(out.contains("<size unit='KiB'>1048576</size>"), out);
        assertTrue(out.contains("<size unit='M'>2</size>"), out);
    }

    @Test
    void unknownContentIsKeptAndBadNumbersAreErrors() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices("""
                <tpm model='tpm-tis' future='x'>
                  <backend type='emulator'>
                    <profile source='local-restricted' removeDisabled='check'/>
                  </backend>
                </tpm>
                """), 0);
        Tpm tpm = def.devices().ofType(Tpm.class).get(0);
        assertEquals("future", tpm.other().attributes().get(0).name());
        assertEquals("profile", tpm.backend().other().children().get(0).name());
        assertTrue(codec.format(def, 0).contains("<profile source='local-restricted' removeDisabled='check'/>"));
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(TestDomains.withDevices(
                "<shmem name='s'><msi vectors='many'/></shmem>"), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("attribute 'vectors' in element 'msi'"), e.getMessage());
    }
}
