package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * define with disks, network adapters and serial ports (AddResourceSettings,
 * ModifyResourceSettings), read back by dumpxml; undone when a step fails; refused before
 * DefineSystem when the XML asks for what Hyper-V has not.
 */
class HypervDevicesTest {
    private static final String SWITCH = "C08CB7B8-9B3C-408E-8E30-5E16A3AEB444";
    private static final String DEVICES = "<disk type='file' device='disk'><source file='C:\\VMs\\disk0.vhdx'/>"
            + "<target dev='hda' bus='ide'/></disk>"
            + "<disk type='file' device='cdrom'><source file='C:\\ISO\\install.iso'/><target dev='hdc' bus='ide'/></disk>"
            + "<disk type='file' device='disk'><source file='C:\\VMs\\data.vhd'/><target dev='sda' bus='scsi'/></disk>"
            + "<disk type='file' device='disk'><source file='C:\\VMs\\data2.vhdx'/><target dev='sdb' bus='scsi'/>"
            + "<address type='drive' controller='1' bus='0' target='0' unit='5'/></disk>"
            + "<disk type='block' device='disk'><source dev='3'/><target dev='sdc' bus='scsi'/></disk>"
            + "<disk type='file' device='floppy'><source file='C:\\VMs\\boot.vfd'/><target dev='fda' bus='fdc'/></disk>"
            + "<interface type='bridge'><mac address='52:54:00:ab:cd:ef'/><source bridge='" + SWITCH + "'/></interface>"
            + "<serial type='pipe'><source path='\\\\.\\pipe\\com1'/><target port='1'/></serial>";

    private WsmanSimulator sim;
    private DriverConnection conn;

    @BeforeEach
    void start() throws Exception {
        sim = WsmanSimulator.start();
        conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static String xml(String devices) {
        return "<domain type='hyperv'><name>dev1</name><memory unit='MiB'>1024</memory><vcpu>2</vcpu>"
                + "<os><type>hvm</type></os><devices>" + devices + "</devices></domain>";
    }

    @Test
    void definedDevicesReadBack() throws Exception {
        DomainRef dom = conn.defineXml(xml(DEVICES), 0);
        String dumped = conn.xmlDesc(dom, 0);
        DomainDef def = HypervTestSupport.CODEC.parse(dumped, DomainXmlCodec.PARSE_INACTIVE);

        // names and addresses as libvirt gives them: sd + controller * 64 + unit, hd + channel * 2 + unit
        assertEquals(List.of("cdrom file C:\\ISO\\install.iso hdc ide 0:1:0",
                "disk block 3 sdc scsi 0:0:2",
                "disk file C:\\VMs\\data.vhd sda scsi 0:0:0",
                "disk file C:\\VMs\\data2.vhdx sdbr scsi 1:0:5",
                "disk file C:\\VMs\\disk0.vhdx hda ide 0:0:0",
                "floppy file C:\\VMs\\boot.vfd fda fdc 0:0:0"), disks(def));
        List<String> controllers = def.devices().ofType(Controller.class).stream()
                .map(c -> c.type() + c.index()).toList();
        assertTrue(controllers.containsAll(List.of("ide0", "scsi0", "scsi1")), controllers.toString());
        assertEquals(2, controllers.stream().filter(c -> c.startsWith("scsi")).count(), controllers.toString());

        NetInterface net = def.devices().interfaces().get(0);
        assertEquals(1, def.devices().interfaces().size());
        assertEquals("bridge", net.type());
        assertEquals("52:54:00:ab:cd:ef", net.mac());
        assertEquals(SWITCH, net.source().bridge());

        List<String> serials = def.devices().ofType(CharDevice.class).stream()
                .filter(c -> c.elementName().equals("serial"))
                .map(c -> c.type() + " " + c.source().path() + " " + c.target().port()).toList();
        // the VM has COM 1 and COM 2; COM 2 is not connected ("-1" as libvirt shows it)
        assertEquals(List.of("pipe \\\\.\\pipe\\com1 1", "pipe -1 2"), serials);
    }

    @Test
    void dumpedXmlDefinesTheSameDevicesAgain() throws Exception {
        DomainRef dom = conn.defineXml(xml(DEVICES), 0);
        String dumped = conn.xmlDesc(dom, 0);
        DomainDef first = HypervTestSupport.CODEC.parse(dumped, DomainXmlCodec.PARSE_INACTIVE);
        conn.undefine(dom, 0);
        DomainRef again = conn.defineXml(dumped.replaceAll("<uuid>[^<]*</uuid>", ""), 0);
        DomainDef second = HypervTestSupport.CODEC.parse(conn.xmlDesc(again, 0), DomainXmlCodec.PARSE_INACTIVE);
        assertEquals(6, disks(first).size());
        assertEquals(disks(first), disks(second));
        // the devices in the order the codec keeps them (disks by bus), with controllers, adapter and ports
        assertEquals(first.devices().all(), second.devices().all());
    }

    /** Each disk as "device type source target bus controller:bus:unit", sorted. */
    private static List<String> disks(DomainDef def) {
        return def.devices().disks().stream().map(d -> d.device() + " " + d.type() + " " + d.sourcePath() + " "
                + d.targetDev() + " " + d.targetBus() + " " + d.info().address().controller() + ":"
                + d.info().address().bus() + ":" + d.info().address().unit()).sorted().toList();
    }

    @Test
    void missingImageFailsTheJobAndUndoesTheDefinition() {
        int before = sim.instanceCount();
        String missing = DEVICES.replace("C:\\VMs\\data.vhd", "C:\\VMs\\gone.vhd");
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(xml(missing), 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: Concrete job for AddResourceSettings invocation is in"
                + " error state (exception): Failed to add device 'Virtual Hard Disk'. 'C:\\VMs\\gone.vhd': The"
                + " system cannot find the file specified."), e.getMessage());
        assertEquals(before, sim.instanceCount());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupByName("dev1")).code());
    }

    @Test
    void unknownSwitchFailsAsLibvirtAndUndoes() {
        int before = sim.instanceCount();
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(xml(DEVICES.replace(SWITCH,
                "no-such-switch")), 0));
        assertEquals("internal error: Could not attach network 0", e.getMessage());
        assertEquals("internal error: Could not find virtual switch 'no-such-switch'", e.getCause().getMessage());
        assertEquals(before, sim.instanceCount());
    }

    @Test
    void missingComPortFailsAsLibvirtAndUndoes() {
        int before = sim.instanceCount();
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(xml(
                "<serial type='pipe'><source path='\\\\.\\pipe\\x'/><target port='3'/></serial>"), 0));
        assertEquals("internal error: Could not attach serial port 0", e.getMessage());
        assertEquals(before, sim.instanceCount());
    }

    @Test
    void unsupportedDevicesAreRefusedBeforeAnythingIsCreated() {
        int before = sim.instanceCount();
        long jobs = sim.count("Msvm_ConcreteJob");
        String[][] cases = {
            {"<disk type='file' device='disk'><source file='C:\\x.vhdx'/><target dev='vda' bus='virtio'/></disk>",
                "internal error: Unsupported controller type"},
            {"<disk type='network' device='disk'><source protocol='nbd' name='x'><host name='h'/></source>"
                + "<target dev='sda' bus='scsi'/></disk>", "internal error: Unsupported disk type"},
            {"<disk type='file' device='disk'><source file='C:\\x.vhdx'/><target dev='hde' bus='ide'/></disk>",
                "unsupported configuration: disk 'hde': Hyper-V's IDE controller has channels 0 and 1 of units 0"
                + " and 1, not controller 1 bus 0 unit 0"},
            {"<disk type='file' device='disk'><source file='C:\\x.vhdx'/><target dev='sda' bus='scsi'/>"
                + "<address type='drive' controller='4' bus='0' target='0' unit='0'/></disk>",
                "unsupported configuration: disk 'sda': Hyper-V has SCSI controllers 0 to 3 of units 0 to 63,"
                + " not controller 4 unit 0"},
            {"<interface type='network'><source network='default'/></interface>",
                "unsupported configuration: interface type 'network': Hyper-V connects network adapters to a virtual"
                + " switch, given as <interface type='bridge'> with <source bridge='switch Name'/>"},
            {"<serial type='pty'><target port='1'/></serial>",
                "unsupported configuration: serial port type 'pty': Hyper-V's COM ports connect to named pipes"
                + " (type 'pipe')"},
            {"<controller type='scsi' index='0' model='virtio-scsi'/>",
                "unsupported configuration: Unsupported SCSI controller model 'virtio-scsi'"},
        };
        for (String[] c : cases) {
            VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(xml(c[0]), 0), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
        assertEquals(before, sim.instanceCount());
        // no method was called: each would have left its job
        assertEquals(jobs, sim.count("Msvm_ConcreteJob"));
    }

    @Test
    void definedDiskRemovedWithTheDomain() throws Exception {
        int before = sim.instanceCount();
        DomainRef dom = conn.defineXml(xml(DEVICES), 0);
        assertEquals(1, sim.count("Msvm_EthernetPortAllocationSettingData"));
        assertEquals(5, sim.count("Msvm_StorageAllocationSettingData"));
        conn.undefine(dom, 0);
        assertEquals(before, sim.instanceCount());
        assertEquals(0, sim.count("Msvm_StorageAllocationSettingData"));
    }
}
