package org.jvirt.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.MachineAliases;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** domxml-to-native (qemu-argv) with real paths instead of the harness' descriptors. */
class DomainXmlToNativeTest {
    private static final String XML = "<domain type='qemu'><name>web, 1</name>"
            + "<uuid>1ccfd97d-5eb4-478a-bbe6-88d254c16db7</uuid><memory>262144</memory><vcpu>2</vcpu>"
            + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
            + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/images/a b.qcow2'/>"
            + "<target dev='vda' bus='virtio'/></disk>"
            + "<interface type='user'><mac address='52:54:00:11:22:33'/><model type='virtio'/></interface>"
            + "<serial type='pty'/><console type='pty'/><graphics type='vnc' port='5907' autoport='no'/>"
            + "</devices></domain>";

    private static QemuCaps caps() throws IOException {
        Path dir = LibvirtTestData.require("qemucapabilitiesdata");
        return MachineAliases.stripped(
                new QemuCapsDumpLoader().load(dir.resolve("qemucapabilitiesdata/caps_10.0.0_x86_64.xml")));
    }

    @Test
    void buildsTheCommandLineWithRealPaths(@TempDir Path lib) throws Exception {
        CommandEnv env = CommandEnv.onThisHost(lib.toString(), lib.resolve("channel").toString(), null);
        String argv = new DomainXmlToNative(new DomainXmlCodecImpl()).convert("qemu-argv", XML, caps(), env);
        String dom = lib + "/domain--1-web, 1";
        assertTrue(argv.contains("HOME='" + dom + "' \\\n"), argv);
        assertTrue(argv.contains("-name 'guest=web,, 1,debug-threads=on' \\\n"), argv);
        assertTrue(argv.contains("-chardev 'socket,id=charmonitor,path=" + lib + "/domain--1-web,, 1/monitor.sock,"
                + "server=on,wait=off' \\\n"), argv);
        assertFalse(argv.contains("fd=1729"), argv);
        assertTrue(argv.contains("-machine pc,usb=off,dump-guest-core=off,memory-backend=pc.ram,acpi=off \\\n"), argv);
        assertTrue(argv.contains("-smp 2,sockets=2,cores=1,threads=1 \\\n"), argv);
        assertTrue(argv.contains("-blockdev '{\"driver\":\"file\",\"filename\":\"/images/a b.qcow2\",\"node-name\":"
                + "\"libvirt-1-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}' \\\n"), argv);
        assertTrue(argv.contains("\"driver\":\"virtio-blk-pci\""), argv);
        assertTrue(argv.contains("-netdev '{\"type\":\"user\",\"id\":\"hostnet0\"}' \\\n"), argv);
        assertTrue(argv.contains("-chardev pty,id=charserial0 \\\n"), argv);
        assertTrue(argv.contains("-vnc 127.0.0.1:7,audiodev=audio1 \\\n"), argv);
        assertTrue(argv.endsWith("-msg timestamp=on\n"), argv);
    }

    /** This host's environment hands QEMU paths: no descriptor sets, no pre-opened taps. */
    @Test
    void qemuOpensFilesAndTapsItself(@TempDir Path lib) throws Exception {
        String xml = XML.replace("<serial type='pty'/><console type='pty'/>",
                "<serial type='file'><source path='/var/log/s,1.log' append='off'/>"
                        + "<log file='/var/log/s-log.log' append='off'/></serial>"
                        + "<interface type='bridge'><mac address='52:54:00:11:22:34'/><source bridge='br0'/>"
                        + "<model type='virtio'/></interface>"
                        + "<interface type='ethernet'><mac address='52:54:00:11:22:35'/><target dev='tap7'/>"
                        + "<model type='virtio'/></interface>");
        CommandEnv env = CommandEnv.onThisHost(lib.toString(), lib.resolve("channel").toString(), null);
        String argv = new DomainXmlToNative(new DomainXmlCodecImpl()).convert("qemu-argv", xml, caps(), env);
        assertTrue(argv.contains("-chardev file,id=charserial0,path=/var/log/s,,1.log,append=off,"
                + "logfile=/var/log/s-log.log,logappend=off \\\n"), argv);
        assertTrue(argv.contains("-netdev '{\"type\":\"bridge\",\"br\":\"br0\",\"id\":\"hostnet1\"}' \\\n"), argv);
        assertTrue(argv.contains("-netdev '{\"type\":\"tap\",\"ifname\":\"tap7\",\"script\":\"no\","
                + "\"downscript\":\"no\",\"id\":\"hostnet2\"}' \\\n"), argv);
        assertFalse(argv.contains("-add-fd"), argv);
        assertFalse(argv.contains("vhostfd"), argv);
    }

    @Test
    void rejectsOtherFormatsAndBadXml(@TempDir Path lib) throws Exception {
        CommandEnv env = CommandEnv.onThisHost(lib.toString(), lib.toString(), null);
        DomainXmlToNative native2 = new DomainXmlToNative(new DomainXmlCodecImpl());
        QemuCaps caps = caps(); // outside assertThrows, so that missing test data skips the test
        VirtException e = assertThrows(VirtException.class, () -> native2.convert("xen-xm", XML, caps, env));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: Unsupported config type xen-xm", e.getMessage());
        String badNumber = XML.replace("<model type='virtio'/>", "<model type='virtio'/><driver rx_queue_size='lots'/>");
        VirtException num = assertThrows(VirtException.class,
                () -> native2.convert("qemu-argv", badNumber, caps(), env));
        assertEquals(ErrorCode.XML_ERROR, num.code(), num.toString());
        VirtException bad = assertThrows(VirtException.class,
                () -> native2.convert("qemu-argv", "<domain type='qemu'>", caps, env));
        assertTrue(bad.code() == ErrorCode.XML_ERROR || bad.code() == ErrorCode.XML_DETAIL, bad.toString());
    }
}
