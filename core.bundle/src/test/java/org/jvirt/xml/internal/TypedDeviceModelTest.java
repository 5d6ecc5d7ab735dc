package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskGeometry;
import org.jvirt.api.xml.DiskSecret;
import org.jvirt.api.xml.Hub;
import org.jvirt.api.xml.IothreadQueues;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.SourceHost;

/** The typed parts of the device model: values parsed once, formatted back as libvirt does. */
class TypedDeviceModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static final String DISKS = """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap' iothread='2' detect_zeroes='unmap' queues='4' queue_size='256'/>
                  <source file='/var/lib/images/a.qcow2' startupPolicy='optional'/>
                  <target dev='vda' bus='virtio' rotation_rate='7200'/>
                  <serial>S1</serial>
                  <boot order='2'/>
                  <alias name='ua-disk0'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>
                </disk>
                <disk type='network' device='disk'>
                  <driver name='qemu' type='raw'/>
                  <source protocol='nbd' name='export' tls='yes'>
                    <host name='example.org' port='6000'/>
                    <host transport='unix' socket='/run/nbd.sock'/>
                  </source>
                  <target dev='sda' bus='scsi'/>
                  <iotune>
                    <total_bytes_sec>1000</total_bytes_sec>
                  </iotune>
                  <address type='drive' controller='0' bus='0' target='1' unit='3'/>
                </disk>
                <controller type='scsi' index='0' model='virtio-scsi'>
                  <driver queues='8' iothread='1'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x08' function='0x0'/>
                </controller>
                <controller type='pci' index='1' model='pcie-root-port'>
                  <model name='pcie-root-port'/>
                  <target chassis='1' port='0x10'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0' multifunction='on'/>
                </controller>
                <controller type='virtio-serial' index='0' ports='16' vectors='4'/>
                <interface type='network'>
                  <mac address='52:54:00:11:22:33'/>
                  <source network='default'/>
                  <model type='virtio'/>
                  <boot order='1'/>
                  <rom bar='off'/>
                  <acpi index='3'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
                </interface>
                <channel type='unix'>
                  <source mode='bind' path='/run/ch.sock'/>
                  <target type='virtio' name='org.qemu.guest_agent.0'/>
                  <address type='virtio-serial' controller='0' bus='0' port='1'/>
                </channel>
                <sound model='ich9'>
                  <codec type='duplex'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
                </sound>
                <hub type='usb'>
                  <address type='usb' bus='0' port='1.2'/>
                </hub>
            """;

    @Test
    void diskSourceDriverTargetAndAddressAreTyped() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices(DISKS), 0);
        Disk vda = def.devices().disks().get(0);
        assertEquals("qcow2", vda.driver().type());
        assertEquals("none", vda.driver().cache());
        assertEquals("native", vda.driver().io());
        assertEquals(2, vda.driver().iothread());
        assertEquals(4, vda.driver().queues());
        assertEquals(256, vda.driver().queueSize());
        assertEquals("unmap", vda.driver().detectZeroes());
        assertEquals("/var/lib/images/a.qcow2", vda.source().file());
        assertEquals("optional", vda.source().startupPolicy());
        assertEquals(7200, vda.target().rotationRate());
        assertEquals("S1", vda.serial());
        assertEquals(2, vda.info().bootOrder());
        assertEquals("ua-disk0", vda.info().alias());
        assertEquals(Address.pci(0, 0, 7, 0), vda.info().address());
        assertTrue(vda.other().isEmpty(), "everything of this disk is typed: " + vda.other());

        Disk sda = def.devices().disks().get(1);
        assertEquals("nbd", sda.source().protocol());
        assertEquals("yes", sda.source().tls());
        assertEquals(List.of(new SourceHost("example.org", 6000, null, null),
                new SourceHost(null, null, "unix", "/run/nbd.sock")), sda.source().hosts());
        assertEquals(Address.drive(0, 0, 1, 3), sda.info().address());
        assertEquals("iotune", sda.other().children().get(0).name(), "untyped content stays reachable");
    }

    @Test
    void controllersInterfacesAndCharDevicesAreTyped() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices(DISKS), 0);
        Controller scsi = controller(def, "scsi", 0);
        assertEquals(8, scsi.driver().queues());
        assertEquals(1, scsi.driver().iothread());
        Controller port = controller(def, "pci", 1);
        assertEquals("pcie-root-port", port.modelName());
        assertEquals(1, port.target().chassis());
        assertEquals(0x10, port.target().port());
        assertEquals("on", port.info().address().multifunction());
        Controller serial = controller(def, "virtio-serial", 0);
        assertEquals(16, serial.ports());
        assertEquals(4, serial.vectors());

        NetInterface nic = def.devices().interfaces().get(0);
        assertEquals(1, nic.info().bootOrder());
        assertEquals("off", nic.info().romBar());
        assertEquals(3, nic.info().acpiIndex());
        assertEquals(3, nic.info().address().slot());

        CharDevice ch = def.devices().charDevices().get(0);
        assertEquals("/run/ch.sock", ch.source().path());
        assertEquals("bind", ch.source().mode());
        Address vs = ch.info().address();
        assertEquals("virtio-serial", vs.type());
        assertEquals(1, vs.port());
    }

    @Test
    void soundAndHubHaveTypedInfoAndFormatUnchanged() throws VirtException {
        String xml = TestDomains.withDevices(DISKS);
        DomainDef def = codec.parse(xml, 0);
        Sound sound = def.devices().ofType(Sound.class).get(0);
        assertEquals(4, sound.info().address().slot());
        assertEquals(List.of("duplex"), sound.codecs());
        Hub hub = def.devices().ofType(Hub.class).get(0);
        assertEquals("1.2", hub.info().address().usbPort());
        assertEquals(0, hub.info().address().bus());
        String formatted = codec.format(def, 0);
        assertTrue(formatted.contains("<codec type='duplex'/>\n      <address type='pci' domain='0x0000' bus='0x00'"
                + " slot='0x04' function='0x0'/>"), formatted);
        assertTrue(formatted.contains("<total_bytes_sec>1000</total_bytes_sec>"), formatted);
        assertTrue(formatted.contains("<source protocol='nbd' name='export' tls='yes'>\n        <host"
                + " name='example.org' port='6000'/>\n        <host transport='unix' socket='/run/nbd.sock'/>"),
                formatted);
        assertEquals(formatted, codec.format(codec.parse(formatted, 0), 0), "format is a fixed point");
    }

    @Test
    void addressesAreFormattedInLibvirtNotation() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices("""
                <watchdog model='i6300esb' action='reset'>
                  <address type='pci' slot='5' function='1'/>
                </watchdog>
                <serial type='pty'>
                  <target port='0'/>
                  <address type='isa' iobase='0x3f8' irq='4'/>
                </serial>
            """), 0);
        String out = codec.format(def, 0);
        assertTrue(out.contains("<address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x1'/>"), out);
        Address isa = def.devices().charDevices().get(0).info().address();
        assertEquals(0x3f8, isa.iobase());
        assertEquals(4, isa.irq());
        assertTrue(out.contains("<address type='isa' iobase='0x3f8' irq='0x4'/>"), out);
    }

    @Test
    void badNumbersAreLibvirtXmlErrors() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(TestDomains.withDevices("""
                <disk type='file' device='disk'>
                  <driver name='qemu' queues='-5'/>
                  <target dev='vda'/>
                </disk>
            """), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("Invalid value for attribute 'queues' in element 'driver': '-5'."
                + " Expected non-negative integer value"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(TestDomains.withDevices("""
                <controller type='usb' index='0'>
                  <address type='drive' controller='x'/>
                </controller>
            """), 0));
        assertTrue(e.getMessage().contains("Invalid value for attribute 'controller' in element 'address': 'x'."),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(TestDomains.withDevices("""
                <controller type='virtio-serial' index='0' ports='many'/>
            """), 0));
        assertTrue(e.getMessage().contains("'ports' in element 'controller': 'many'. Expected integer value"),
                e.getMessage());
    }

    @Test
    void builderAndToBuilderRoundTrip() throws VirtException {
        DomainDef def = codec.parse(TestDomains.withDevices(DISKS), 0);
        assertEquals(def, def.toBuilder().build());
        assertEquals(def.hashCode(), def.toBuilder().build().hashCode());
        Disk vda = def.devices().disks().get(0);
        Disk moved = vda.withInfo(vda.info().withAddress(Address.pci(0, 1, 2, 0)))
                .withDriver(vda.driver().toBuilder().queues(2).build());
        assertNotEquals(vda, moved);
        assertEquals(vda.source(), moved.source());
        List<Device> all = def.devices().all().stream().map(d -> d == vda ? moved : d).toList();
        String out = codec.format(def.withDevices(def.devices().withAll(all)), 0);
        assertTrue(out.contains("queues='2' queue_size='256'"), out);
        assertTrue(out.contains("<address type='pci' domain='0x0000' bus='0x01' slot='0x02' function='0x0'/>"), out);
        assertFalse(out.contains("slot='0x07'"), out);

        Controller built = Controller.builder().type("usb").index(0).model("qemu-xhci").ports(15).build();
        assertNull(built.driver());
        assertEquals(-1, Controller.builder().type("usb").build().index());
        assertEquals("controller", built.elementName());
        assertTrue(built.info().isEmpty());
    }

    private static Controller controller(DomainDef def, String type, int index) {
        return def.devices().controllers().stream().filter(c -> c.type().equals(type) && c.index() == index)
                .findFirst().orElseThrow();
    }

    @Test
    void iothreadQueueMappingIsTypedAndFormattedBack() throws VirtException {
        String xml = TestDomains.withDevices("""
                <disk type='file' device='disk'>
                  <driver name='qemu' type='raw' queues='3'>
                    <iothreads>
                      <iothread id='1'>
                        <queue id='0'/>
                        <queue id='2'/>
                      </iothread>
                      <iothread id='2'/>
                    </iothreads>
                  </driver>
                  <source file='/a.img'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <controller type='scsi' index='0' model='virtio-scsi'>
                  <driver queues='2'>
                    <iothreads>
                      <iothread id='3'>
                        <queue id='1'/>
                      </iothread>
                    </iothreads>
                  </driver>
                </controller>
                """);
        DomainDef def = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        assertEquals(List.of(new IothreadQueues(1, List.of(0, 2)), new IothreadQueues(2, List.of())),
                def.devices().disks().get(0).driver().iothreads());
        Controller scsi = def.devices().controllers().stream().filter(c -> c.type().equals("scsi")).findFirst()
                .orElseThrow();
        assertEquals(List.of(new IothreadQueues(3, List.of(1))), scsi.driver().iothreads());
        String out = codec.format(def, DomainXmlCodec.FORMAT_INACTIVE);
        assertTrue(out.contains("""
                      <driver name='qemu' type='raw' queues='3'>
                        <iothreads>
                          <iothread id='1'>
                            <queue id='0'/>
                            <queue id='2'/>
                          </iothread>
                          <iothread id='2'/>
                        </iothreads>
                      </driver>
                """), out);
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(xml.replace("<queue id='2'/>",
                "<queue/>"), DomainXmlCodec.PARSE_INACTIVE));
        assertEquals("Missing required attribute 'id' in element 'queue'", e.getMessage().replaceFirst("^.*: ", ""));
    }

    @Test
    void geometryAndHttpSourceSettingsAreTyped() throws VirtException {
        String xml = TestDomains.withDevices("""
                <disk type='network' device='cdrom'>
                  <driver name='qemu' type='raw'/>
                  <source protocol='https' name='/x.iso'>
                    <host name='example.org' port='443'/>
                    <readahead size='65536'/>
                    <timeout seconds='10'/>
                  </source>
                  <geometry cyls='16383' heads='16' secs='63' trans='lba'/>
                  <target dev='hdc' bus='ide'/>
                  <readonly/>
                </disk>
                """);
        Disk disk = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE).devices().disks().get(0);
        assertEquals(new DiskGeometry(16383, 16, 63, "lba"), disk.geometry());
        assertEquals(65536L, disk.source().readahead());
        assertEquals(10, disk.source().timeout());
        String out = codec.format(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE), DomainXmlCodec.FORMAT_INACTIVE);
        assertTrue(out.contains("<readahead size='65536'/>\n        <timeout seconds='10'/>\n      </source>"), out);
        assertTrue(out.contains("<geometry cyls='16383' heads='16' secs='63' trans='lba'/>"), out);
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(xml.replace("heads='16'",
                "heads='x'"), DomainXmlCodec.PARSE_INACTIVE));
        assertTrue(e.getMessage().contains("Invalid value for attribute 'heads' in element 'geometry': 'x'"),
                e.getMessage());
    }

    @Test
    void authAndEncryptionAreTypedWhereTheyAreWritten() throws VirtException {
        String xml = TestDomains.withDevices("""
                <disk type='network' device='disk'>
                  <driver name='qemu' type='raw'/>
                  <source protocol='iscsi' name='iqn.1992-01.com.example:storage/1'>
                    <host name='example.org' port='6000'/>
                    <auth username='myname'>
                      <secret type='iscsi' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80e80'/>
                    </auth>
                    <encryption format='luks' engine='qemu'>
                      <secret type='passphrase' usage='/storage/key'/>
                    </encryption>
                  </source>
                  <target dev='vdc' bus='virtio'/>
                </disk>
                <disk type='file' device='disk'>
                  <source file='/a.img'/>
                  <target dev='vdd' bus='virtio'/>
                  <encryption format='qcow'>
                    <secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>
                    <cipher name='aes' size='256' mode='cbc'/>
                  </encryption>
                </disk>
                """);
        DomainDef def = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        Disk net = def.devices().disks().get(0);
        assertEquals("myname", net.source().auth().username());
        assertEquals(new DiskSecret("iscsi", "0a81f5b2-8403-7b23-c8d6-21ccc2f80e80", null), net.source().auth().secret());
        DiskEncryption enc = net.source().encryption();
        assertEquals("luks", enc.format());
        assertEquals(List.of(new DiskSecret("passphrase", null, "/storage/key")), enc.secrets());
        // an encryption with more than the model names (its cipher) stays verbatim, on the disk
        Disk file = def.devices().disks().get(1);
        assertNull(file.encryption());
        assertTrue(file.other().children().stream().anyMatch(e -> e.name().equals("encryption")));
        String out = codec.format(def, DomainXmlCodec.FORMAT_INACTIVE);
        assertTrue(out.contains("""
                        <host name='example.org' port='6000'/>
                        <auth username='myname'>
                          <secret type='iscsi' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80e80'/>
                        </auth>
                        <encryption format='luks' engine='qemu'>
                          <secret type='passphrase' usage='/storage/key'/>
                        </encryption>
                      </source>
                """), out);
        assertTrue(out.contains("<cipher name='aes' size='256' mode='cbc'/>"), out);
    }
}
