package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * What libvirt's libxlBuildDomainConfig refuses among USB controllers, USB host devices, channels
 * and network disks, with its codes and messages; and the start xl.cfg's sound and NIC rate, which
 * follow libvirt's builder where libvirt's xl.cfg writer (domxml-to-native) differs.
 */
class LibxlDeviceErrorsTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final LibxlConfigBuilder builder = new LibxlConfigBuilder((m, v) -> 0, 5900, 16);

    private DomainDef hvm(String devices) throws VirtException {
        return codec.parse("<domain type='xen'><name>h</name><uuid>039e9ee6-4a84-3055-4c81-8ba426ae2656</uuid>"
                + "<memory>1048576</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='xenfv'>hvm</type></os>"
                + "<devices>" + devices + "</devices></domain>", DomainXmlCodec.PARSE_INACTIVE);
    }

    private VirtException refused(String devices) throws VirtException {
        DomainDef def = hvm(devices);
        return assertThrows(VirtException.class, () -> builder.build(def));
    }

    @Test
    void refusesWhatLibvirtsBuilderRefuses() throws Exception {
        VirtException e = refused("<controller type='usb' index='0' model='ehci'/>");
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: unsupported usb model", e.getMessage());

        e = refused("<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0xbeef'/>"
                + "</source></hostdev>");
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertEquals("operation failed: failed to find USB device busnum:devnum for 1234:beef", e.getMessage());

        e = refused("<channel type='pty'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>");
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: channel target type not supported", e.getMessage());

        e = refused("<disk type='network' device='disk'><driver name='qemu'/><source protocol='nbd' name='x'>"
                + "<host name='h'/></source><target dev='hda'/></disk>");
        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertTrue(e.getMessage().endsWith("Unsupported network block protocol 'nbd'"), e.getMessage());

        e = refused("<disk type='network' device='disk'><driver name='qemu'/><source protocol='rbd' name='pool/a:b'>"
                + "</source><target dev='hda'/></disk>");
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: ':' not allowed in RBD source volume name 'a:b'", e.getMessage());
    }

    @Test
    void theStartConfigFollowsLibvirtsBuilderForSoundAndRate() throws Exception {
        DomainDef def = hvm("<interface type='bridge'><mac address='00:16:3e:66:92:9c'/><source bridge='br0'/>"
                + "<bandwidth><outbound average='10240'/></bandwidth></interface>"
                + "<sound model='ich6'/><sound model='sb16'/>");
        String start = XlWriter.forStart().write(def);
        assertTrue(start.contains("soundhw = \"hda\""), start);
        assertTrue(start.contains(",rate=10485760B/s"), start);
        String native_ = XlWriter.toNative().write(def);
        assertTrue(native_.contains("soundhw = \"ich6,sb16\""), native_);
        assertTrue(native_.contains(",rate=10240KB/s"), native_);
        var nic = (java.util.Map<?, ?>) ((java.util.List<?>) builder.build(def).get("nics")).get(0);
        assertEquals(524288L, nic.get("rate_bytes_per_interval"));   // 10240 KiB/s over 50 ms
        assertEquals(50000L, nic.get("rate_interval_usecs"));
    }
}
