package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * Domain XML on an ESX connection against VMware's simulator: the {@code vmware-vmx} native
 * format with the datastore callbacks, define (upload + RegisterVM_Task) and what it leaves on
 * failure, dumpxml of a defined VM, undefine. The simulator registers only a VMX file with
 * {@code <dir>.nvram} and {@code vmware.log} beside it (it names the VM after the directory), so
 * the tests put those there first.
 */
class EsxDomainXmlTest {
    private static final String FORMAT = "vmware-vmx";
    private static final String DS = "LocalDS_0";
    @TempDir
    static Path dir;
    private static Vcsim sim;
    private static DriverConnection conn;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = Vcsim.start(1);
        conn = EsxTestSupport.open(EsxTestSupport.credentialsFile(dir),
                EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** The simulator's datastore file URL (it asks for no session on /folder). */
    private static URI file(String path) {
        return URI.create("http://" + sim.hostPort() + "/folder/" + path + "?dcPath=ha-datacenter&dsName=" + DS);
    }

    private static int put(String path, String content) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(file(path)).PUT(HttpRequest.BodyPublishers.ofString(content)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(file(path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String domainXml(String name, String uuid, String disk) {
        return "<domain type='vmware'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>262144</memory><vcpu>2</vcpu><os><type>hvm</type></os><devices>"
                + (disk == null ? "" : "<disk type='file' device='disk'><source file='" + disk + "'/>"
                + "<target dev='hda' bus='ide'/></disk>") + "</devices></domain>";
    }

    @Test
    void fromNativeMapsFileNamesThroughTheDatastores() throws Exception {
        String vmx = "config.version = \"8\"\nvirtualHW.version = \"4\"\ndisplayName = \"n1\"\nmemsize = \"64\"\n"
                + "ide0:0.present = \"true\"\nide0:0.deviceType = \"ata-hardDisk\"\nide0:0.fileName = \"n1.vmdk\"\n"
                + "ide0:1.present = \"true\"\nide0:1.deviceType = \"ata-hardDisk\"\n"
                + "ide0:1.fileName = \"/vmfs/volumes/" + DS + "/other/data.vmdk\"\n";
        String xml = conn.domainXmlFromNative(FORMAT, vmx, 0);
        assertTrue(xml.contains("<source file='[?] ?/n1.vmdk'/>"), xml);
        assertTrue(xml.contains("<source file='[" + DS + "] other/data.vmdk'/>"), xml);
        assertTrue(xml.contains("<memory unit='KiB'>65536</memory>"), xml);

        VirtException missing = assertThrows(VirtException.class, () -> conn.domainXmlFromNative(FORMAT,
                vmx.replace("/vmfs/volumes/" + DS, "/vmfs/volumes/nowhere"), 0));
        assertEquals("internal error: File name '/vmfs/volumes/nowhere/other/data.vmdk' refers to non-existing"
                + " datastore 'nowhere'", missing.getMessage());
        VirtException format = assertThrows(VirtException.class, () -> conn.domainXmlFromNative("xen-xm", vmx, 0));
        assertEquals(ErrorCode.INVALID_ARG, format.code());
        assertTrue(format.getMessage().endsWith("Unsupported config format 'xen-xm'"), format.getMessage());
    }

    @Test
    void toNativeWritesMountPathsForTheHostsHardwareVersion() throws Exception {
        String vmx = conn.domainXmlToNative(FORMAT, domainXml("t1", UUID.randomUUID().toString(),
                "[" + DS + "] t1/t1.vmdk"), 0);
        // the simulator is ESX 6.5.0: libvirt's default virtual hardware 10 for ESX 6
        assertTrue(vmx.contains("virtualHW.version = \"10\""), vmx);
        assertTrue(vmx.matches("(?s).*ide0:0.fileName = \"/[^\"]*/t1/t1.vmdk\".*"), vmx);
        assertTrue(vmx.contains("memsize = \"256\"") && vmx.contains("numvcpus = \"2\""), vmx);
        VirtException unknown = assertThrows(VirtException.class, () -> conn.domainXmlToNative(FORMAT,
                domainXml("t1", UUID.randomUUID().toString(), "[nowhere] t1/t1.vmdk"), 0));
        assertEquals("internal error: Could not find datastore with name 'nowhere'", unknown.getMessage());
    }

    private static String scsiXml(String file, String controller) {
        return "<domain type='vmware'><name>s1</name><memory unit='KiB'>262144</memory><os><type>hvm</type></os>"
                + "<devices><disk type='file' device='disk'><source file='[" + DS + "] " + file + "'/>"
                + "<target dev='sda' bus='scsi'/></disk>" + controller + "</devices></domain>";
    }

    /** libvirt asks the datastore browser for the disk's controller type only for model='auto'. */
    @Test
    void scsiControllerModelAutoIsLookedUp() throws Exception {
        String none = conn.domainXmlToNative(FORMAT, scsiXml("ha-host_VM0/disk1.vmdk", ""), 0);
        assertTrue(none.contains("scsi0.present = \"true\"") && !none.contains("scsi0.virtualDev"), none);
        String auto = "<controller type='scsi' index='0' model='auto'/>";
        // the simulator answers a VmDiskFileInfo without controllerType
        VirtException unknown = assertThrows(VirtException.class,
                () -> conn.domainXmlToNative(FORMAT, scsiXml("ha-host_VM0/disk1.vmdk", auto), 0));
        assertEquals("internal error: Could not lookup controller model for '[" + DS + "] ha-host_VM0/disk1.vmdk'",
                unknown.getMessage());
        VirtException missing = assertThrows(VirtException.class,
                () -> conn.domainXmlToNative(FORMAT, scsiXml("ha-host_VM0/nope.vmdk", auto), 0));
        assertEquals(ErrorCode.NO_STORAGE_VOL, missing.code());
        assertTrue(missing.getMessage().endsWith("No storage volume with key or path '[" + DS
                + "] ha-host_VM0/nope.vmdk'"), missing.getMessage());
    }

    @Test
    void defineDumpxmlUndefine() throws Exception {
        String uuid = UUID.randomUUID().toString();
        assertEquals(200, put("def1/def1.nvram", ""));
        assertEquals(200, put("def1/vmware.log", ""));
        DomainRef dom = conn.defineXml(domainXml("def1", uuid, "[" + DS + "] def1/def1.vmdk"), 0);
        assertEquals("def1", dom.name());
        assertTrue(conn.listAllDomains(0).stream().anyMatch(d -> d.name().equals("def1")));
        assertEquals(200, status("def1/def1.vmx"));

        String xml = conn.xmlDesc(dom, 0);
        assertTrue(xml.contains("<name>def1</name>"), xml);
        assertTrue(xml.contains("<memory unit='KiB'>262144</memory>"), xml);
        assertTrue(xml.contains("<source file='[" + DS + "] def1/def1.vmdk'/>"), xml);
        assertTrue(xml.contains("<vmware:datacenterpath>ha-datacenter</vmware:datacenterpath>"), xml);
        assertTrue(xml.contains("<vmware:moref>"), xml);
        assertFalse(xml.contains(" id='"), "a powered off VM has no ID: " + xml);

        VirtException again = assertThrows(VirtException.class,
                () -> conn.defineXml(domainXml("def1", UUID.randomUUID().toString(), "[" + DS + "] x/x.vmdk"), 0));
        assertEquals("internal error: Domain already exists, editing existing domains is not supported yet",
                again.getMessage());

        conn.create(dom, 0);
        DomainRef running = conn.lookupByName("def1");
        assertTrue(conn.xmlDesc(running, 0).contains("<domain type='vmware' id='" + running.id() + "'"));
        assertFalse(conn.xmlDesc(running, XmlFlag.INACTIVE.bit()).contains(" id='"));
        VirtException on = assertThrows(VirtException.class, () -> conn.undefine(running, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, on.code());
        assertTrue(on.getMessage().endsWith("Domain is not suspended or powered off"), on.getMessage());
        conn.destroy(running, 0);

        conn.undefine(running, 0);
        assertFalse(conn.listAllDomains(0).stream().anyMatch(d -> d.name().equals("def1")));
        VirtException gone = assertThrows(VirtException.class, () -> conn.xmlDesc(running, 0));
        assertEquals(ErrorCode.NO_DOMAIN, gone.code());
    }

    @Test
    void aFailedRegistrationLeavesNoVmxFileBehind() throws Exception {
        // no def2.nvram / vmware.log: the simulator refuses to register
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(domainXml("def2",
                UUID.randomUUID().toString(), "[" + DS + "] def2/def2.vmdk"), 0));
        assertTrue(e.getMessage().startsWith("internal error: Could not define domain: "), e.getMessage());
        assertEquals(404, status("def2/def2.vmx"));
        assertFalse(conn.listAllDomains(0).stream().anyMatch(d -> d.name().equals("def2")));
    }

    @Test
    void defineNeedsAFileBasedVmdkHardDisk() {
        VirtException none = assertThrows(VirtException.class,
                () -> conn.defineXml(domainXml("d3", UUID.randomUUID().toString(), null), 0));
        assertEquals("internal error: Domain XML doesn't contain any disks, cannot deduce datastore and path for"
                + " VMX file", none.getMessage());
        VirtException iso = assertThrows(VirtException.class, () -> conn.defineXml(domainXml("d3",
                UUID.randomUUID().toString(), "[" + DS + "] d3/d3.img"), 0));
        // the VMX is written first (as in libvirt), so vmx.c's check answers before the driver's own
        assertEquals("internal error: Image file for ide disk 'hda' has unsupported suffix, expecting '.vmdk'",
                iso.getMessage());
        VirtException path = assertThrows(VirtException.class, () -> conn.defineXml(domainXml("d3",
                UUID.randomUUID().toString(), "/tmp/d3.vmdk"), 0));
        assertEquals(ErrorCode.INVALID_ARG, path.code());
        assertTrue(path.getMessage().endsWith("Datastore path '/tmp/d3.vmdk' doesn't have expected format"
                + " '[<datastore>] <path>'"), path.getMessage());
    }
}
