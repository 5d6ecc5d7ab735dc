package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.testing.DomainSchemaValidator;

/** libvirt's generic semantic rules and what the formatter writes for them. */
class DomainSemanticsTest {
    private static final String HEAD = """
            <domain type='qemu'>
              <name>g1</name>
              <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
              <memory unit='KiB'>219136</memory>
              <vcpu placement='static'>2</vcpu>
              <os>
                <type arch='x86_64' machine='pc'>hvm</type>
              </os>
            """;

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final DomainSchemaValidator schema = DomainSchemaValidator.forDomains();

    private static String domain(String devices) {
        return HEAD + "  <devices>\n" + devices + "  </devices>\n</domain>\n";
    }

    private String roundTrip(String xml, int formatFlags) throws VirtException {
        String out = codec.format(codec.parse(xml, 0), formatFlags);
        if (schema != null) {
            schema.assertValid("formatted domain", out);
        }
        return out;
    }

    private VirtException fails(String xml, int flags) {
        return assertThrows(VirtException.class, () -> codec.parse(xml, flags));
    }

    @Test
    void chardevSourcesAreCheckedLikeLibvirt() {
        assertEquals("internal error: Missing source host attribute for char device", fails(domain("""
                    <serial type='tcp'><source mode='bind' service='5678'/></serial>
                """), 0).getMessage());
        assertEquals("internal error: Missing source service attribute for char device", fails(domain("""
                    <serial type='udp'><source mode='connect' host='h'/></serial>
                """), 0).getMessage());
        assertEquals("XML error: only one source element is allowed for character device", fails(domain("""
                    <serial type='tcp'><source host='a' service='1'/><source host='b' service='2'/></serial>
                """), 0).getMessage());
        assertEquals("internal error: Missing source path attribute for char device", fails(domain("""
                    <redirdev bus='usb' type='unix'><source mode='connect'/></redirdev>
                """), 0).getMessage());
        assertEquals("internal error: chardev reconnect is possible only for connect mode", fails(domain("""
                    <serial type='tcp'><source mode='bind' host='a' service='1'>
                      <reconnect enabled='yes' timeout='3'/></source></serial>
                """), 0).getMessage());
    }

    @Test
    void tcpSerialGetsLibvirtDefaults() throws VirtException {
        DomainDef def = codec.parse(domain("    <serial type='tcp'><source host='h' service='1'/></serial>\n"), 0);
        CharDevice serial = def.devices().ofType(CharDevice.class).get(0);
        assertEquals("connect", serial.source().mode());
        assertEquals("raw", serial.source().protocol());
        String out = roundTrip(domain("    <serial type='tcp'><source host='h' service='1'/></serial>\n"), 0);
        assertTrue(out.contains("""
                    <serial type='tcp'>
                      <source mode='connect' host='h' service='1'/>
                      <protocol type='raw'/>
                    </serial>
                """), out);
    }

    @Test
    void graphicsListenRules() throws VirtException {
        VirtException e = fails(domain("""
                    <graphics type='vnc' listen='1.1.1.1'><listen type='address' address='2.2.2.2'/></graphics>
                """), 0);
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("must match 'address' attribute of first listen element"), e.getMessage());
        assertEquals("XML error: 'network' attribute is required for listen type 'network'", fails(domain("""
                    <graphics type='vnc'><listen type='network'/></graphics>
                """), DomainXmlCodec.PARSE_INACTIVE).getMessage());
        DomainDef def = codec.parse(domain("    <graphics type='vnc' passwd='secret' listen='127.0.0.1'/>\n"), 0);
        Graphics g = def.devices().ofType(Graphics.class).get(0);
        assertTrue(g.autoport());
        assertEquals(List.of(new Graphics.Listen("address", "127.0.0.1", null, null, null)), g.listens());
        assertFalse(codec.format(def, 0).contains("secret"), "passwd needs FORMAT_SECURE");
        String secure = roundTrip(domain("    <graphics type='vnc' passwd='secret' listen='127.0.0.1'/>\n"),
                DomainXmlCodec.FORMAT_SECURE);
        assertTrue(secure.contains("<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' passwd='secret'>"),
                secure);
    }

    @Test
    void nameWithSlashAndTuneCollisionsAreRejected() {
        assertEquals("XML error: name a/b cannot contain '/'",
                fails(domain("").replace("<name>g1</name>", "<name>a/b</name>"), 0).getMessage());
        String tunes = HEAD.replace("  <os>", """
                  <cputune>
                    <cachetune vcpus='0-1'><cache id='0' level='3' type='code' size='12' unit='KiB'/></cachetune>
                    <memorytune vcpus='0'><node id='0' bandwidth='50'/></memorytune>
                  </cputune>
                  <os>""") + "  <devices>\n  </devices>\n</domain>\n";
        assertEquals("XML error: Overlapping vcpus in memorytunes", fails(tunes, DomainXmlCodec.PARSE_INACTIVE).getMessage());
    }

    @Test
    void macAddressesAreNormalisedOrGenerated() throws VirtException {
        DomainDef def = codec.parse(domain("""
                    <interface type='bridge'><mac address='AA:BB:CC:00:11:22'/><source bridge='br0'/></interface>
                    <interface type='bridge'><source bridge='br0'/></interface>
                """), 0);
        List<NetInterface> nics = def.devices().ofType(NetInterface.class);
        assertEquals("aa:bb:cc:00:11:22", nics.get(0).mac());
        assertTrue(nics.get(1).mac().matches("52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}"), nics.get(1).mac());
        assertEquals("XML error: expected unicast mac address, found multicast '01:00:00:00:00:01'", fails(domain("""
                    <interface type='bridge'><mac address='01:00:00:00:00:01'/></interface>
                """), 0).getMessage());
    }

    @Test
    void controllersGetIndexesAndImplicitOnesAreAdded() throws VirtException {
        DomainDef def = codec.parse(domain("""
                    <controller type='usb' index='1'/>
                    <controller type='usb'/>
                    <channel type='pty'><target type='virtio' name='x'/></channel>
                """), 0);
        List<String> ctl = def.devices().ofType(Controller.class).stream().map(c -> c.type() + c.index()).toList();
        assertEquals(List.of("usb1", "usb0", "virtio-serial0"), ctl);
        String out = roundTrip(domain("""
                    <controller type='usb' index='1'/>
                    <controller type='usb'/>
                """), 0);
        assertTrue(out.contains("    <controller type='usb' index='1'/>\n    <controller type='usb' index='0'/>\n"), out);
    }

    @Test
    void everyDeviceKindRoundTripsAndValidates() throws VirtException {
        String xml = """
                <domain type='qemu' id='5'>
                  <name>g1</name>
                  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                  <memory unit='KiB'>219136</memory>
                  <currentMemory unit='KiB'>219136</currentMemory>
                  <vcpu placement='static'>2</vcpu>
                  <cputune>
                    <shares>2048</shares>
                    <vcpupin vcpu='0' cpuset='0'/>
                    <emulatorpin cpuset='1'/>
                  </cputune>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <boot dev='hd'/>
                    <bootmenu enable='yes' timeout='3000'/>
                  </os>
                  <features>
                    <acpi/>
                    <apic/>
                  </features>
                  <cpu mode='custom' match='exact' check='none'>
                    <model fallback='forbid'>qemu64</model>
                    <topology sockets='1' dies='1' clusters='1' cores='2' threads='1'/>
                  </cpu>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='/var/lib/images/g1.qcow2'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <controller type='usb' index='0'/>
                    <filesystem type='mount' accessmode='passthrough'>
                      <source dir='/export'/>
                      <target dir='tag0'/>
                    </filesystem>
                    <interface type='network'>
                      <mac address='52:54:00:12:34:56'/>
                      <source network='default'/>
                      <model type='virtio'/>
                    </interface>
                    <serial type='pty'>
                      <target port='0'/>
                    </serial>
                    <console type='pty'>
                      <target type='serial' port='0'/>
                    </console>
                    <input type='tablet' bus='usb'/>
                    <graphics type='vnc' port='5900' autoport='no'>
                      <listen type='address'/>
                    </graphics>
                    <video>
                      <model type='vga' vram='16384' heads='1' primary='yes'/>
                    </video>
                    <hostdev mode='subsystem' type='usb' managed='no'>
                      <source>
                        <vendor id='0x1234'/>
                        <product id='0xbeef'/>
                      </source>
                    </hostdev>
                    <watchdog model='i6300esb' action='reset'/>
                    <memballoon model='virtio'/>
                    <rng model='virtio'>
                      <backend model='random'>/dev/urandom</backend>
                    </rng>
                  </devices>
                </domain>
                """;
        assertEquals(xml, roundTrip(xml, 0));
        DomainDef def = codec.parse(xml, 0);
        assertEquals(5, def.id());
        assertEquals("vda", def.devices().ofType(org.jvirt.api.xml.Disk.class).get(0).targetDev());
        assertEquals(2, def.cpu().topology().cores());
        assertEquals(2048L, def.cputune().shares());
        assertEquals(List.of("hd"), def.os().bootDevices());
    }

    @Test
    void inactiveXmlDropsRuntimeAliasesButKeepsUserAliases() throws VirtException {
        DomainDef def = codec.parse(domain("""
                    <input type='tablet' bus='usb'><alias name='input0'/></input>
                    <input type='mouse' bus='ps2'><alias name='ua-mouse'/></input>
                """).replace("<domain type='qemu'>", "<domain type='qemu' id='4'>"), 0);
        String live = codec.format(def, 0);
        assertTrue(live.contains("<alias name='input0'/>") && live.contains("<domain type='qemu' id='4'>"), live);
        String inactive = codec.format(def, DomainXmlCodec.FORMAT_INACTIVE);
        assertFalse(inactive.contains("input0") || inactive.contains("id='4'"), inactive);
        assertTrue(inactive.contains("<alias name='ua-mouse'/>"), inactive);
        if (schema != null) {
            schema.assertValid("inactive domain", inactive);
        }
    }

    @Test
    void fullyModelledElementsRejectUnknownContent() {
        assertEquals("XML error: unsupported attribute 'bogus' in element 'memory'",
                fails(domain("").replace("<memory unit='KiB'>", "<memory unit='KiB' bogus='1'>"), 0).getMessage());
        assertEquals("XML error: unexpected element 'b' in element 'title'",
                fails(domain("").replace("<name>g1</name>", "<name>g1</name><title>a<b/></title>"), 0).getMessage());
        assertEquals("XML error: unsupported attribute 'extra' in element 'boot'", fails(domain("")
                .replace("</type>", "</type>\n    <boot dev='hd' extra='x'/>"), 0).getMessage());
    }
}
