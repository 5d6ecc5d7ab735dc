package org.jvirt.driver.qemu.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The {@code devices.allow} lines of device kinds no test guest can run with here (there is no
 * TPM or evdev node on the build host, and QEMU refuses a stand-in): virtual consoles stand for
 * the host character devices, and the lines must name their major:minor, once each, after
 * libvirt's defaults and the ptys.
 */
class DeviceAclTest {

    @Test
    void tpmPassthroughEvdevInputsAndNvdimmDevicesAreAllowedReadWriteOnceEach() throws Exception {
        List<String> nodes = List.of("/dev/tty1", "/dev/tty2", "/dev/tty3", "/dev/tty4");
        assumeTrue(nodes.stream().allMatch(n -> Files.exists(Path.of(n))), "no /dev/tty1..4 on this host");
        String xml = """
                <domain type='qemu'><name>acl</name><memory>65536</memory>
                <maxMemory slots='2' unit='KiB'>1048576</maxMemory><vcpu>1</vcpu>
                <os><type arch='x86_64' machine='pc'>hvm</type></os>
                <cpu><numa><cell id='0' cpus='0' memory='65536' unit='KiB'/></numa></cpu>
                <devices>
                  <input type='evdev'><source dev='/dev/tty1'/></input>
                  <input type='passthrough' bus='virtio'><source evdev='/dev/tty2'/></input>
                  <tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tty3'/></backend></tpm>
                  <memory model='nvdimm'><source><path>/dev/tty4</path></source>
                    <target><size unit='KiB'>131072</size><node>0</node></target></memory>
                  <input type='evdev'><source dev='/dev/tty1'/></input>
                  <input type='mouse' bus='ps2'/>
                </devices></domain>""";
        List<String> expected = new ArrayList<>();
        for (String dev : DeviceAcl.DEFAULT_ACL) {
            if (Files.exists(Path.of(dev))) {
                expected.add(BlockDevices.node(dev) + " rw");
            }
        }
        expected.add("c 136:* rw");
        // libvirt's order: TPM (qemuSetupTPMCgroup) comes before memory devices and inputs, but
        // jvirt walks the devices in definition order; the kernel's list is a set either way
        List<String> devices = List.of("c 4:1 rw", "c 4:2 rw", "c 4:3 rw", "c 4:4 rw");
        List<String> got = DeviceAcl.entries(new DomainXmlCodecImpl().parse(xml, 0));
        assertEquals(expected, got.subList(0, expected.size()));
        assertEquals(devices, got.subList(expected.size(), got.size()).stream().sorted().toList());
    }
}
