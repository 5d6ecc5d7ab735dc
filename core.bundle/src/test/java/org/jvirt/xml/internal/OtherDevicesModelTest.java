package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.Crypto;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Iommu;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.Panic;
import org.jvirt.api.xml.Pstore;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoModel;
import org.jvirt.api.xml.Vsock;

/** Video, input, sound, audio, balloon, rng, vsock, iommu, panic, crypto, pstore: typed values and libvirt's format. */
class OtherDevicesModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static final String DEVICES = """
                <input type='evdev'>
                  <source dev='/dev/input/event1' repeat='on' grab='all' grabToggle='alt-alt'/>
                </input>
                <input type='tablet' bus='virtio' model='virtio'>
                  <driver iommu='on' ats='on'/>
                </input>
                <sound model='ich9' future='x'>
                  <codec type='duplex'/>
                  <codec type='micro'/>
                  <audio id='2'/>
                </sound>
                <audio id='2' type='pulseaudio' serverName='snd' timerPeriod='50'>
                  <input mixingEngine='yes' voices='1' name='fish'>
                    <settings frequency='44100' channels='2' format='s16'/>
                  </input>
                </audio>
                <video>
                  <model type='qxl' vgamem='16384' ram='65536' vram='32768' heads='1'>
                    <acceleration accel3d='yes' rendernode='/dev/dri/test'/>
                    <resolution x='1280' y='720'/>
                  </model>
                  <driver name='qemu' iommu='on'/>
                </video>
                <memballoon model='virtio' autodeflate='on'>
                  <stats period='10'/>
                  <driver packed='on'/>
                </memballoon>
                <rng model='virtio'>
                  <rate period='2000' bytes='1234'/>
                  <backend model='egd' type='tcp'>
                    <source mode='connect' host='1.2.3.4' service='1234'/>
                  </backend>
                </rng>
                <rng model='virtio'>
                  <backend model='random'>/dev/hwrng</backend>
                </rng>
                <panic model='isa'/>
                <iommu model='intel'>
                  <driver intremap='on' aw_bits='48'/>
                </iommu>
                <vsock model='virtio'>
                  <cid auto='no' address='4'/>
                </vsock>
                <crypto model='virtio' type='qemu'>
                  <backend model='builtin' queues='1'/>
                </crypto>
                <pstore backend='acpi-erst'>
                  <path>/tmp/guest_acpi_esrt</path>
                  <size unit='MiB'>8</size>
                </pstore>
            """;

    @Test
    void typedValuesAreParsed() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices(DEVICES), 0);
        Input evdev = def.devices().ofType(Input.class).get(0);
        assertEquals("/dev/input/event1", evdev.source().dev());
        assertEquals("alt-alt", evdev.source().grabToggle());
        Input tablet = def.devices().ofType(Input.class).get(1);
        assertEquals("virtio", tablet.model());
        assertEquals("on", tablet.driver().ats());

        Sound sound = def.devices().ofType(Sound.class).get(0);
        assertEquals(List.of("duplex", "micro"), sound.codecs());
        assertEquals(2, sound.audioId());
        assertEquals("x", sound.other().attributes().get(0).value(), "unknown attributes are kept");
        Audio audio = def.devices().ofType(Audio.class).get(0);
        assertEquals(50, audio.timerPeriod());
        assertEquals(44100, audio.input().frequency());
        assertEquals("fish", audio.input().name(), "the backend's own attributes are typed");
        assertEquals("snd", audio.serverName());

        VideoModel m = def.devices().ofType(Video.class).get(0).model();
        assertEquals(32768, m.vram());
        assertEquals(65536, m.ram());
        assertEquals("yes", m.primary(), "the first video becomes primary");
        assertEquals(new VideoModel.Resolution(1280, 720), m.resolution());
        assertEquals("/dev/dri/test", m.acceleration().rendernode());
        assertEquals("qemu", def.devices().ofType(Video.class).get(0).driver().name());

        MemBalloon b = def.devices().ofType(MemBalloon.class).get(0);
        assertEquals(10, b.statsPeriod());
        assertEquals("on", b.driver().packed());

        Rng egd = def.devices().ofType(Rng.class).get(0);
        assertEquals(1234, egd.rateBytes());
        assertEquals(2000, egd.ratePeriod());
        assertEquals("egd", egd.backendModel());
        assertEquals("1.2.3.4", egd.backend().source().host());
        Rng random = def.devices().ofType(Rng.class).get(1);
        assertEquals("/dev/hwrng", random.backend().randomPath());
        assertNull(random.backend().source());

        assertEquals("isa", def.devices().ofType(Panic.class).get(0).model());
        Iommu iommu = def.devices().ofType(Iommu.class).get(0);
        assertEquals(48, iommu.awBits());
        assertEquals("on", iommu.intremap());
        Vsock vsock = def.devices().ofType(Vsock.class).get(0);
        assertEquals(4, vsock.cidAddress());
        assertEquals("no", vsock.cidAuto());
        assertEquals(1, def.devices().ofType(Crypto.class).get(0).backendQueues());
        Pstore pstore = def.devices().ofType(Pstore.class).get(0);
        assertEquals(8192L, pstore.sizeKib());
    }

    @Test
    void formattedAsLibvirtDoes() throws VirtException {
        String out = codec.format(codec.parse(TestDomains.withDevices(DEVICES), 0), 0);
        assertTrue(out.contains("<source dev='/dev/input/event1' grab='all' grabToggle='alt-alt' repeat='on'/>"), out);
        assertTrue(out.contains("<model type='qxl' ram='65536' vram='32768' vgamem='16384' heads='1' primary='yes'>"),
                out);
        assertTrue(out.contains("<driver iommu='on' name='qemu'/>\n      <model"), out);
        assertTrue(out.contains("<rate bytes='1234' period='2000'/>\n      <backend model='egd' type='tcp'>\n"
                + "        <source mode='connect' host='1.2.3.4' service='1234'/>\n"
                + "        <protocol type='raw'/>"), out);
        assertTrue(out.contains("<backend model='random'>/dev/hwrng</backend>"), out);
        assertTrue(out.contains("<audio id='2' type='pulseaudio' timerPeriod='50' serverName='snd'>"), out);
        assertTrue(out.contains("<stats period='10'/>\n      <driver packed='on'/>"), out);
        assertTrue(out.contains("<size unit='KiB'>8192</size>"), out);
        assertEquals(out, codec.format(codec.parse(out, 0), 0), "format is a fixed point");
    }

    @Test
    void badNumbersAreXmlErrorsNamingTheAttribute() {
        VirtException e = assertThrows(VirtException.class,
                () -> codec.parse(TestDomains.withDevices("<video><model type='vga' vram='lots'/></video>"), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("Invalid value for attribute 'vram' in element 'model': 'lots'"),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(TestDomains.withDevices(
                "<rng model='virtio'><rate bytes='-1'/><backend model='random'/></rng>"), 0));
        assertTrue(e.getMessage().contains("attribute 'bytes' in element 'rate'"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(TestDomains.withDevices(
                "<vsock model='virtio'><cid address='x'/></vsock>"), 0));
        assertTrue(e.getMessage().contains("attribute 'address' in element 'cid'"), e.getMessage());
    }
}
