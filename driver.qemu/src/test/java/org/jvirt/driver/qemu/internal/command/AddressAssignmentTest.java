package org.jvirt.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Hub;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Video;
import org.jvirt.driver.qemu.internal.caps.MachineAliases;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/** The address steps on the typed definition: drive, USB, virtio-serial and PCI addresses. */
class AddressAssignmentTest {
    private static final DomainXmlCodecImpl CODEC = new DomainXmlCodecImpl();

    private static QemuCaps caps() throws IOException {
        Path dir = LibvirtTestData.require("qemucapabilitiesdata");
        return MachineAliases.stripped(
                new QemuCapsDumpLoader().load(dir.resolve("qemucapabilitiesdata/caps_10.0.0_x86_64.xml")));
    }

    private static String domain(String machine, String devices) {
        return "<domain type='qemu'><name>a</name><memory>262144</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='" + machine + "'>hvm</type></os><devices>" + devices
                + "</devices></domain>";
    }

    @Test
    void driveAddressesFollowTheTargetName() {
        assertEquals(Address.drive(0, 1, 0, 0), DriveAddresses.forTarget("ide", "hdc"));
        assertEquals(Address.drive(1, 0, 0, 0), DriveAddresses.forTarget("scsi", "sdh"));
        assertEquals(Address.drive(4, 0, 0, 1), DriveAddresses.forTarget("sata", "sdz"));
        assertEquals(Address.drive(0, 0, 0, 1), DriveAddresses.forTarget("fdc", "fdb"));
        assertNull(DriveAddresses.forTarget("virtio", "vda"));
        assertNull(DriveAddresses.forTarget("ide", "cdrom"));
        assertEquals(26, DiskNames.index("vdaa"));
    }

    /** Two root ports on PIIX3's UHCI: the hub takes one, the free one and then the hub's ports follow. */
    @Test
    void usbPortsGoToFreeRootPortsThenToHubs() throws Exception {
        DomainDef def = CODEC.parse(domain("pc", "<controller type='usb' index='0' model='piix3-uhci'/>"
                + "<input type='tablet' bus='usb'><address type='usb' bus='0' port='2'/></input>"
                + "<input type='mouse' bus='usb'/><input type='keyboard' bus='usb'/><hub type='usb'/>"), 0);
        DomainDef out = OtherAddresses.usb(def);
        assertEquals("1", usbPort(out, Hub.class, "usb"));
        assertEquals("2", usbPort(out, Input.class, "tablet"));
        assertEquals("1.1", usbPort(out, Input.class, "mouse"));
        assertEquals("1.2", usbPort(out, Input.class, "keyboard"));
        assertEquals(def.devices().all().size(), out.devices().all().size());
        assertNull(def.devices().all().stream().filter(Hub.class::isInstance).findFirst().get().info().address(),
                "the definition given is left as it was");
    }

    private static String usbPort(DomainDef def, Class<? extends Device> kind, String type) {
        for (Device dev : def.devices().all()) {
            String t = dev instanceof Input in ? in.type() : dev instanceof Hub h ? h.type() : null;
            if (kind.isInstance(dev) && type.equals(t)) {
                Address a = dev.info().address();
                assertEquals("usb", a.type());
                return a.usbPort();
            }
        }
        throw new AssertionError("no " + type + " in " + def.devices().all());
    }

    @Test
    void virtioChannelsGetTheFirstFreePortFromOne() throws Exception {
        DomainDef def = new QemuPostParse(CODEC).parse(domain("pc",
                "<channel type='pty'><target type='virtio' name='a'/>"
                        + "<address type='virtio-serial' controller='0' bus='0' port='1'/></channel>"
                        + "<channel type='pty'><target type='virtio' name='b'/></channel>"), 0, caps());
        List<CharDevice> channels = def.devices().all().stream().filter(CharDevice.class::isInstance)
                .map(CharDevice.class::cast).filter(c -> c.elementName().equals("channel")).toList();
        Address b = channels.get(1).info().address();
        assertEquals("virtio-serial", b.type());
        assertEquals(2, b.port());
        assertEquals(0, b.controller());
    }

    @Test
    void i440fxPutsTheVideoAtSlotTwoAndNoTwoDevicesShareASlot() throws Exception {
        DomainDef def = new QemuPostParse(CODEC).parse(domain("pc",
                "<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/></disk>"
                        + "<disk type='file' device='disk'><source file='/b'/><target dev='vdb' bus='virtio'/></disk>"
                        + "<graphics type='vnc'/>"), 0, caps());
        Video video = def.devices().all().stream().filter(Video.class::isInstance).map(Video.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Address.pci(0, 0, 2, 0), video.info().address());
        assertUniquePci(def);
    }

    /** On q35 each PCIe device sits behind its own root port, plus one spare for hotplug. */
    @Test
    void q35AddsNumberedRootPortsWithChassisAndPort() throws Exception {
        DomainDef def = new QemuPostParse(CODEC).parse(domain("q35",
                "<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/></disk>"),
                0, caps());
        List<Controller> ports = def.devices().controllers().stream()
                .filter(c -> "pcie-root-port".equals(c.model())).toList();
        assertTrue(ports.size() >= 2, ports.toString());
        Set<Integer> buses = new HashSet<>();
        for (Controller p : ports) {
            Address a = p.info().address();
            assertEquals("pcie-root-port", p.modelName());
            assertEquals(p.index(), p.target().chassis());
            assertEquals((a.slot() << 3) | a.function(), p.target().port());
            buses.add(p.index());
        }
        assertEquals("on", ports.get(0).info().address().multifunction());
        Disk disk = def.devices().disks().get(0);
        assertTrue(buses.contains(disk.info().address().bus()), disk.info().address().toString());
        assertEquals(0, disk.info().address().slot());
        assertUniquePci(def);
    }

    private static void assertUniquePci(DomainDef def) {
        Set<String> seen = new HashSet<>();
        for (Device dev : def.devices().all()) {
            Address a = dev.info().address();
            if (a != null && a.is("pci")) {
                assertNotNull(a.slot());
                String key = a.bus() + ":" + a.slot() + "." + a.function();
                assertTrue(seen.add(key), "two devices at " + key + " in " + def.devices().all());
            }
        }
    }
}
