package org.jvirt.driver.qemu.internal.hotplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** Persistent attach/detach/update of one device, with libvirt 9.0's qemu_driver.c errors. */
class DeviceConfigTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final DomainDef def;

    DeviceConfigTest() throws VirtException {
        def = codec.parse("<domain type='qemu'><name>g</name><memory>65536</memory><os><type>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><source file='/i/a.img'/><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><source file='/i/c.img'/><target dev='vdc' bus='virtio'/></disk>"
                + "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>"
                + "<interface type='user'><mac address='52:54:00:00:00:01'/></interface>"
                + "</devices></domain>", DomainXmlCodec.PARSE_INACTIVE);
    }

    private Device dev(String xml) throws VirtException {
        return DeviceXml.parse(codec, xml, true);
    }

    private static void fails(ErrorCode code, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().endsWith(message), e.getMessage());
    }

    @Test
    void aDiskGoesInTargetOrderOnItsBusAndOnlyOnce() throws VirtException {
        String vdb = "<disk type='file' device='disk'><source file='/i/b.img'/><target dev='vdb' bus='virtio'/></disk>";
        DomainDef with = DeviceConfig.attach(def, dev(vdb));
        assertEquals(List.of("vda", "vdb", "vdc", "hdc"), with.devices().disks().stream().map(Disk::targetDev).toList());
        fails(ErrorCode.OPERATION_INVALID, "target vdb already exists", () -> DeviceConfig.attach(with, dev(vdb)));
        DomainDef without = DeviceConfig.detach(with, dev(vdb));
        assertEquals(def.devices().all(), without.devices().all());
        fails(ErrorCode.DEVICE_MISSING, "no target device vdb", () -> DeviceConfig.detach(without, dev(vdb)));
        assertTrue(codec.format(with, DomainXmlCodec.FORMAT_INACTIVE).contains("<source file='/i/b.img'/>"));
    }

    @Test
    void updateReplacesTheMediumAndNeedsTheTarget() throws VirtException {
        DomainDef updated = DeviceConfig.update(def, dev("<disk type='file' device='cdrom'><source file='/i/x.iso'/>"
                + "<target dev='hdc' bus='ide'/><readonly/></disk>"));
        assertEquals("/i/x.iso", DeviceConfig.diskByTarget(updated, "hdc").source().file());
        fails(ErrorCode.INVALID_ARG, "target hdd doesn't exist.", () -> DeviceConfig.update(def,
                dev("<disk type='file' device='cdrom'><target dev='hdd' bus='ide'/></disk>")));
        fails(ErrorCode.OPERATION_UNSUPPORTED, "persistent update of device 'rng' is not supported",
                () -> DeviceConfig.update(def, dev("<rng model='virtio'><backend model='random'>/dev/urandom"
                        + "</backend></rng>")));
    }

    @Test
    void interfacesMatchByMacAndUnsupportedKindsAreNamed() throws VirtException {
        Device nic = dev("<interface type='user'><mac address='52:54:00:00:00:02'/></interface>");
        DomainDef two = DeviceConfig.attach(def, nic);
        assertEquals(2, two.devices().interfaces().size());
        assertEquals(1, DeviceConfig.detach(two, dev("<interface type='user'><mac address='52:54:00:00:00:01'/>"
                + "</interface>")).devices().interfaces().size());
        fails(ErrorCode.DEVICE_MISSING, "no device matching MAC address 52:54:00:00:00:09 found",
                () -> DeviceConfig.detach(two, dev("<interface type='user'><mac address='52:54:00:00:00:09'/>"
                        + "</interface>")));
        fails(ErrorCode.OPERATION_UNSUPPORTED, "persistent attach of device 'video' is not supported",
                () -> DeviceConfig.attach(def, dev("<video><model type='vga'/></video>")));
        fails(ErrorCode.OPERATION_UNSUPPORTED, "persistent detach of device 'graphics' is not supported",
                () -> DeviceConfig.detach(def, dev("<graphics type='vnc'/>")));
        fails(ErrorCode.XML_ERROR, "unknown device type 'bogus'", () -> dev("<bogus/>"));
        fails(ErrorCode.XML_ERROR, "unknown device type 'emulator'", () -> dev("<emulator>/x</emulator>"));
    }
}
