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
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.IdMap;
import org.jvirt.api.xml.NetDriver;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetIp;
import org.jvirt.api.xml.NetRoute;
import org.jvirt.api.xml.Os;

/** Interfaces, hostdevs, filesystems, character device targets and the LXC domain parts, typed. */
class NetFsHostdevModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static String domain(String type, String os, String top, String devices) {
        return "<domain type='" + type + "'>\n  <name>t</name>\n"
                + "  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
                + "  <memory unit='KiB'>1048576</memory>\n  <currentMemory unit='KiB'>1048576</currentMemory>\n"
                + "  <vcpu placement='static'>1</vcpu>\n" + os + top
                + "  <clock offset='utc'/>\n  <on_poweroff>destroy</on_poweroff>\n"
                + "  <on_reboot>restart</on_reboot>\n  <on_crash>destroy</on_crash>\n  <devices>\n" + devices
                + "  </devices>\n</domain>\n";
    }

    private static String kvm(String devices) {
        return domain("kvm", "  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n",
                "", devices);
    }

    private static final String NICS = """
                <interface type='bridge'>
                  <mac address='52:54:00:11:22:33'/>
                  <source bridge='br0'/>
                  <vlan>
                    <tag id='42'/>
                  </vlan>
                  <ip address='192.168.122.12' family='ipv4' prefix='24'/>
                  <route family='ipv4' address='192.168.124.0' prefix='24' gateway='192.168.124.1' metric='2'/>
                  <script path='/etc/qemu-ifup'/>
                  <target dev='vnet7' managed='no'/>
                  <model type='virtio'/>
                  <driver name='vhost' txmode='iothread' ioeventfd='on' event_idx='off' queues='4' rx_queue_size='512' tx_queue_size='256' rss='on' iommu='on'>
                    <host csum='off' gso='off' tso4='off' tso6='off' ecn='off' ufo='off' mrg_rxbuf='off'/>
                    <guest csum='off' tso4='off' tso6='off' ecn='off' ufo='off'/>
                  </driver>
                  <backend tap='/dev/net/tun' vhost='/dev/vhost-net'/>
                  <link state='down'/>
                  <mtu size='9000'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
                </interface>
                <interface type='udp'>
                  <mac address='52:54:00:11:22:34'/>
                  <source address='127.0.0.1' port='5555'>
                    <local address='127.0.0.1' port='5556'/>
                  </source>
                  <model type='e1000e'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
                </interface>
            """;

    @Test
    void interfacesAreTypedAndFormatBack() throws VirtException {
        String xml = kvm(NICS);
        DomainDef def = codec.parse(xml, 0, null);
        NetInterface br = def.devices().interfaces().get(0);
        assertEquals("br0", br.source().bridge());
        assertEquals(List.of(new NetIp("192.168.122.12", "ipv4", 24, null)), br.ips());
        assertEquals(List.of(new NetRoute("ipv4", "192.168.124.0", null, 24, "192.168.124.1", 2)), br.routes());
        assertEquals("/etc/qemu-ifup", br.script());
        assertEquals("vnet7", br.targetDev());
        assertEquals("no", br.targetManaged());
        NetDriver d = br.driver();
        assertEquals("vhost", d.name());
        assertEquals(4, d.queues());
        assertEquals(512, d.rxQueueSize());
        assertEquals(256, d.txQueueSize());
        assertEquals("off", d.host().mrgRxbuf());
        assertNull(d.guest().gso());
        assertEquals(new NetInterface.Backend(null, "/dev/net/tun", "/dev/vhost-net", null), br.backend());
        assertEquals("down", br.linkState());
        assertEquals(9000, br.mtu());
        // an element the model does not name survives
        assertEquals("vlan", br.other().children().get(0).name());
        NetInterface udp = def.devices().interfaces().get(1);
        assertEquals("127.0.0.1", udp.source().address());
        assertEquals(5555, udp.source().port());
        assertEquals(5556, udp.source().localPort());
        assertTrue(codec.format(def, 0).contains(NICS.stripIndent().lines().findFirst().orElseThrow().strip()));
        assertEquals(codec.format(def, 0), codec.format(codec.parse(codec.format(def, 0), 0, null), 0));
        assertTrue(codec.format(def, 0).contains("<driver name='vhost' txmode='iothread' ioeventfd='on' "
                + "event_idx='off' queues='4' rx_queue_size='512' tx_queue_size='256' rss='on' iommu='on'>"));
    }

    @Test
    void aDistributedSwitchPortNamesTheSwitchFirst() throws VirtException {
        String source = "<source switchid='503426b2-94e9-3b16-1d68-87bfff4a5440' portid='5' "
                + "portgroupid='dvportgroup-1285' connectionid='408217997'/>";
        // given in another order, formatted in libvirt's (virDomainNetDefFormat)
        String given = source.replace("portid='5' ", "").replace("<source ", "<source portid='5' ");
        DomainDef def = codec.parse(kvm("<interface type='vds'><mac address='00:50:56:87:65:43'/>" + given
                + "</interface>"), 0, null);
        assertEquals("5", def.devices().interfaces().get(0).source().portid());
        assertTrue(codec.format(def, 0).contains(source), codec.format(def, 0));
    }

    @Test
    void interfaceNumbersAndStatesGetLibvirtErrors() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(kvm(
                "<interface type='user'><driver queues='-5'/></interface>"), 0, null));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains(
                "Invalid value for attribute 'queues' in element 'driver': '-5'. Expected non-negative integer value"),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(kvm(
                "<interface type='user'><link state='sideways'/></interface>"), 0, null));
        assertTrue(e.getMessage().contains("unknown interface link state 'sideways'"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(kvm(
                "<interface type='ethernet'><route address='10.0.0.0'/></interface>"), 0, null));
        assertTrue(e.getMessage().contains(
                "Domain interface: Missing required gateway attribute in route definition"), e.getMessage());
    }

    @Test
    void hostdevSourcesAreTyped() throws VirtException {
        DomainDef def = codec.parse(kvm("""
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <driver name='vfio'/>
                  <source>
                    <address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/>
                  </source>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
                </hostdev>
                <hostdev mode='subsystem' type='usb'>
                  <source startupPolicy='optional'>
                    <vendor id='0x1234'/>
                    <product id='0xbeef'/>
                    <address bus='14' device='6'/>
                  </source>
                </hostdev>
                <hostdev mode='subsystem' type='scsi' managed='no' sgio='unfiltered' rawio='yes'>
                  <source>
                    <adapter name='scsi_host0'/>
                    <address bus='0' target='0' unit='1'/>
                  </source>
                  <readonly/>
                </hostdev>
                """), 0, null);
        List<Hostdev> hs = def.devices().ofType(Hostdev.class);
        assertEquals("vfio", hs.get(0).driverName());
        assertEquals(0x06, hs.get(0).source().pciAddress().bus());
        assertEquals(5, hs.get(0).source().pciAddress().function());
        assertEquals(0x1234, hs.get(1).source().vendorId());
        assertEquals(0xbeef, hs.get(1).source().productId());
        assertEquals(14, hs.get(1).source().usbBus());
        assertEquals(6, hs.get(1).source().usbDevice());
        assertEquals("scsi_host0", hs.get(2).source().adapterName());
        assertEquals(1L, hs.get(2).source().scsiUnit());
        assertTrue(hs.get(2).readOnly());
        String out = codec.format(def, 0);
        // libvirt writes managed for every subsystem hostdev
        assertTrue(out.contains("<hostdev mode='subsystem' type='usb' managed='no'>"), out);
        assertTrue(out.contains("<address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/>"), out);
        assertTrue(out.contains("<vendor id='0x1234'/>"), out);
    }

    @Test
    void filesystemsAreTyped() throws VirtException {
        DomainDef def = codec.parse(kvm("""
                <filesystem type='mount' accessmode='mapped' fmode='644' dmode='0755'>
                  <driver type='path' wrpolicy='immediate'/>
                  <source dir='/export/fs1'/>
                  <target dir='fs1'/>
                  <readonly/>
                  <space_hard_limit unit='KiB'>2</space_hard_limit>
                </filesystem>
                <filesystem type='mount' accessmode='passthrough'>
                  <driver type='virtiofs' queue='1024'/>
                  <binary path='/usr/libexec/virtiofsd' xattr='on'>
                    <cache mode='always'/>
                    <lock posix='off' flock='off'/>
                    <thread_pool size='16'/>
                  </binary>
                  <source dir='/path'/>
                  <target dir='mount_tag'/>
                </filesystem>
                """), 0, null);
        List<Filesystem> fs = def.devices().ofType(Filesystem.class);
        assertEquals(0644, fs.get(0).fmode());
        assertEquals(0755, fs.get(0).dmode());
        assertEquals("immediate", fs.get(0).driver().wrpolicy());
        assertEquals("/export/fs1", fs.get(0).source().dir());
        assertEquals("fs1", fs.get(0).targetDir());
        assertTrue(fs.get(0).readOnly());
        assertEquals(2048L, fs.get(0).spaceHardLimit());
        assertEquals(1024, fs.get(1).driver().queue());
        assertEquals("always", fs.get(1).binary().cacheMode());
        assertEquals("off", fs.get(1).binary().flock());
        assertEquals(16, fs.get(1).binary().threadPoolSize());
        String out = codec.format(def, 0);
        assertTrue(out.contains("<filesystem type='mount' accessmode='mapped' fmode='0644' dmode='0755'>"), out);
        assertTrue(out.contains("<space_hard_limit unit='bytes'>2048</space_hard_limit>"), out);
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(kvm(
                "<filesystem type='mount' fmode='999'><source dir='/a'/><target dir='a'/></filesystem>"), 0, null));
        assertTrue(e.getMessage().contains("invalid fmode: '999'"), e.getMessage());
    }

    @Test
    void charDeviceTargetsAndLogAreTyped() throws VirtException {
        DomainDef def = codec.parse(kvm("""
                <serial type='file'>
                  <source path='/tmp/serial.log' append='on'/>
                  <log file='/tmp/serial.copy' append='off'/>
                  <target type='isa-serial' port='0'>
                    <model name='isa-serial'/>
                  </target>
                </serial>
                <channel type='unix'>
                  <source mode='bind' path='/tmp/ga.sock'/>
                  <target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>
                  <address type='virtio-serial' controller='0' bus='0' port='1'/>
                </channel>
                """), 0, null);
        CharDevice serial = def.devices().charDevices().get(0);
        assertEquals("on", serial.source().append());
        assertEquals(new CharDevice.Log("/tmp/serial.copy", "off"), serial.log());
        assertEquals("isa-serial", serial.target().type());
        assertEquals(0, serial.target().port());
        assertEquals("isa-serial", serial.target().modelName());
        CharDevice channel = def.devices().charDevices().get(1);
        assertEquals("org.qemu.guest_agent.0", channel.target().name());
        assertEquals("connected", channel.target().state());
        String out = codec.format(def, 0);
        assertTrue(out.contains("<source path='/tmp/serial.log' append='on'/>"), out);
        assertTrue(out.contains("<target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>"), out);
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(kvm(
                "<serial type='pty'><target port='x'/></serial>"), 0, null));
        assertTrue(e.getMessage().contains("Invalid port number: x"), e.getMessage());
    }

    private static String lxc(String os, String top, String devices) {
        return domain("lxc", "  <os>\n    <type arch='x86_64'>exe</type>\n" + os + "  </os>\n", top, devices);
    }

    @Test
    void lxcDomainPartsAreTyped() throws VirtException {
        String xml = lxc("""
                    <init>/bin/systemd</init>
                    <initarg>--unit</initarg>
                    <initarg>emergency.service</initarg>
                    <initenv name='LANG'>C</initenv>
                    <initdir>/root</initdir>
                    <inituser>tester</inituser>
                    <initgroup>1234</initgroup>
                """, """
                  <idmap>
                    <uid start='1000' target='200000' count='10'/>
                    <uid start='0' target='100000' count='1000'/>
                    <gid start='0' target='100000' count='100000'/>
                  </idmap>
                  <features>
                    <privnet/>
                    <capabilities policy='deny'>
                      <sys_admin state='on'/>
                      <mknod state='off'/>
                    </capabilities>
                  </features>
                """, """
                    <filesystem type='ram'>
                      <source usage='1048576' units='bytes'/>
                      <target dir='/mnt/ram'/>
                    </filesystem>
                    <console type='pty'>
                      <target type='lxc' port='0'/>
                    </console>
                """);
        DomainDef def = codec.parse(xml, 0, null);
        Os os = def.os();
        assertEquals("/bin/systemd", os.init());
        assertEquals(List.of("--unit", "emergency.service"), os.initArgs());
        assertEquals(List.of(new Os.InitEnv("LANG", "C")), os.initEnv());
        assertEquals("/root", os.initDir());
        assertEquals("tester", os.initUser());
        assertEquals("1234", os.initGroup());
        // sorted by start, as libvirt does
        assertEquals(List.of(new IdMap.Entry(0, 100000, 1000), new IdMap.Entry(1000, 200000, 10)), def.idmap().uids());
        assertTrue(def.features().privnet());
        assertEquals(new Features.Capabilities("deny", List.of(new Features.Capability("mknod", "off"),
                new Features.Capability("sys_admin", "on"))), def.features().capabilities());
        Filesystem ram = def.devices().ofType(Filesystem.class).get(0);
        assertEquals(1024L, ram.source().usageKib());
        assertEquals("lxc", def.devices().charDevices().get(0).target().type());
        String out = codec.format(def, 0);
        assertTrue(out.contains("<initenv name='LANG'>C</initenv>"), out);
        assertTrue(out.contains("<source usage='1024' units='KiB'/>"), out);
        assertTrue(out.contains("<filesystem type='ram' accessmode='passthrough'>"), out);
        assertTrue(out.contains("    <capabilities policy='deny'>\n      <mknod state='off'/>\n"
                + "      <sys_admin state='on'/>\n    </capabilities>\n"), out);
        assertTrue(out.indexOf("<idmap>") > out.indexOf("</os>") && out.indexOf("<idmap>") < out.indexOf("<features>"),
                out);
        assertEquals(out, codec.format(codec.parse(out, 0, null), 0));
    }

    @Test
    void lxcPartsGetLibvirtErrors() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(lxc("<init>/sbin/init</init>",
                "<idmap><uid start='1' target='1000' count='10'/><gid start='0' target='1000' count='10'/></idmap>",
                ""), 0, null));
        assertTrue(e.getMessage().contains("You must map the root user of container"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(lxc("<init>/sbin/init</init>",
                "<idmap><uid start='0' target='1000' count='10'/></idmap>", ""), 0, null));
        assertTrue(e.getMessage().contains("uid and gid should be mapped both"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(lxc("<initenv name='1X'>v</initenv>", "", ""), 0,
                null));
        assertTrue(e.getMessage().contains("Invalid environment name"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(lxc("", "<features><capabilities policy='deny'>"
                + "<flying state='on'/></capabilities></features>", ""), 0, null));
        assertTrue(e.getMessage().contains("unexpected capability feature 'flying'"), e.getMessage());
        e = assertThrows(VirtException.class, () -> codec.parse(lxc("", "",
                "<filesystem type='ram'><target dir='/mnt'/></filesystem>"), 0, null));
        assertTrue(e.getMessage().contains("missing 'usage' attribute for RAM filesystem"), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }
}
