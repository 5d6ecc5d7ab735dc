package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;
import org.jvirt.driver.hyperv.internal.wsman.WsmanClient;
import org.jvirt.driver.hyperv.internal.wsman.WsmanTransport;

/**
 * WS-Transfer Get: the client's {@code get} against the simulator (an instance found, one that is
 * not there, faults, pages that are no answer, an answer past the size limit), and its two callers,
 * a method's job and DefineSystem's ResultingSystem, with the errors a lost or failing Get gives.
 */
class WsmanGetTest {
    private static final String FAULT = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Body><s:Fault><s:Code><s:Value>s:Sender"
            + "</s:Value><s:Subcode><s:Value>SUBCODE</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">"
            + "REASON</s:Text></s:Reason><s:Detail><w:FaultDetail>DETAIL</w:FaultDetail></s:Detail></s:Fault></s:Body>"
            + "</s:Envelope>";

    private WsmanSimulator sim;
    private WsmanClient client;
    private String webGuid;

    @BeforeEach
    void start() throws Exception {
        sim = WsmanSimulator.start();
        webGuid = sim.addVm("web", 2, 2, 2048);
        WsmanTransport transport = new WsmanTransport(URI.create("http://127.0.0.1:" + sim.port() + "/wsman"),
                WsmanSimulator.USER, WsmanSimulator.PASSWORD, false, 64 * 1024, Duration.ofSeconds(10));
        client = new WsmanClient(transport, 10, 1000);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private static WmiReference vm(String guid) {
        return Wmi.reference("Msvm_ComputerSystem", "CreationClassName", "Msvm_ComputerSystem", "Name", guid);
    }

    @Test
    void getsTheInstanceItsSelectorsName() throws Exception {
        WmiObject web = client.get(vm(webGuid));
        assertNotNull(web);
        assertEquals("Msvm_ComputerSystem", web.className());
        assertEquals("web", web.string("ElementName"));
        assertEquals(webGuid, web.string("Name"));
        assertEquals(2, web.number("EnabledState", -1));
        // a key WMI does not have selects nothing rather than the first instance of the class
        assertNull(client.get(new WmiReference(Wmi.classUri("Msvm_ComputerSystem"), java.util.Map.of())));
        assertEquals(2, sim.gets());
    }

    @Test
    void instanceThatIsNotThereIsNull() throws Exception {
        assertNull(client.get(vm(UUID.randomUUID().toString().toUpperCase())));
        // DSP0226's fault for it too, unless it says the resource URI is unknown
        sim.answerNext(500, "application/soap+xml", FAULT.replace("SUBCODE", "a:DestinationUnreachable")
                .replace("REASON", "No such instance").replace("DETAIL", "").getBytes(StandardCharsets.UTF_8));
        assertNull(client.get(vm(webGuid)));
        sim.answerNext(500, "application/soap+xml", FAULT.replace("SUBCODE", "a:DestinationUnreachable")
                .replace("REASON", "The namespace does not exist").replace("DETAIL", "InvalidResourceURI")
                .getBytes(StandardCharsets.UTF_8));
        VirtException e = assertThrows(VirtException.class, () -> client.get(vm(webGuid)));
        assertEquals("internal error: SOAP fault during get: code 's:Sender', subcode 'a:DestinationUnreachable',"
                + " reason 'The namespace does not exist', detail 'InvalidResourceURI'", e.getMessage());
    }

    @Test
    void faultEnvelopeIsReportedWithItsParts() {
        sim.answerNext(500, "application/soap+xml;charset=UTF-8", FAULT.replace("s:Sender", "s:Receiver")
                .replace("SUBCODE", "w:InternalError").replace("REASON", "The WMI service is stopping")
                .replace("DETAIL", "0x80041033").getBytes(StandardCharsets.UTF_8));
        VirtException e = assertThrows(VirtException.class, () -> client.get(vm(webGuid)));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals(ErrorDomain.HYPERV, e.domain());
        assertEquals("internal error: SOAP fault during get: code 's:Receiver', subcode 'w:InternalError',"
                + " reason 'The WMI service is stopping', detail '0x80041033'", e.getMessage());
    }

    @Test
    void answersThatAreNoInstanceAreErrors() {
        sim.answerNext(502, "text/html", "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("internal error: Unexpected HTTP response during get: 502",
                assertThrows(VirtException.class, () -> client.get(vm(webGuid))).getMessage());
        sim.answerNext(500, "text/html", "<html><body>Proxy error</body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("internal error: Could not parse response during get (HTTP 500, text/html): not a SOAP 1.2"
                + " envelope but <html>", assertThrows(VirtException.class, () -> client.get(vm(webGuid))).getMessage());
        sim.answerNext(200, "application/soap+xml", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                .concat("<s:Body/></s:Envelope>").getBytes(StandardCharsets.UTF_8));
        assertEquals("internal error: Unexpected response during get: 0 elements in the answer instead of one"
                + " instance", assertThrows(VirtException.class, () -> client.get(vm(webGuid))).getMessage());
        sim.answerNext(200, "application/soap+xml", new byte[0]);
        assertEquals("internal error: Empty response during get",
                assertThrows(VirtException.class, () -> client.get(vm(webGuid))).getMessage());
    }

    @Test
    void hugeAnswerIsCutAtTheLimit() {
        byte[] huge = new byte[64 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        sim.answerNext(200, "application/soap+xml", huge);
        assertEquals("internal error: Response during get exceeds 65536 bytes",
                assertThrows(VirtException.class, () -> client.get(vm(webGuid))).getMessage());
    }

    @Test
    void jobsArePolledByGetOfTheirReference() throws Exception {
        sim.addVm("db", 3, 1, 512);
        DriverConnection conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
        DomainRef web = conn.lookupByName("web");
        int before = sim.gets();
        conn.suspend(web);
        // the job goes New, Running, Completed: one Get per step after the first (New is the invocation's)
        assertEquals(2, sim.gets() - before);
        assertEquals(DomainState.PAUSED, conn.info(web).state());

        sim.loseNextGet("Msvm_ConcreteJob");
        VirtException lost = assertThrows(VirtException.class, () -> conn.resume(web));
        assertEquals("internal error: Could not lookup Msvm_ConcreteJob for RequestStateChange invocation",
                lost.getMessage());

        sim.faultNextGet("Msvm_ConcreteJob");
        DomainRef db = conn.lookupByName("db");
        VirtException fault = assertThrows(VirtException.class, () -> conn.setVcpus(db, 4, 0));
        assertTrue(fault.getMessage().startsWith("internal error: SOAP fault during get: code 's:Receiver', subcode"
                + " 'w:InternalError', reason 'The WS-Management service cannot process the request."), fault.getMessage());
    }

    @Test
    void defineReadsTheNewVmByGetAndUndoesItWhenThatFails() throws Exception {
        DriverConnection conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
        String xml = "<domain type='hyperv'><name>fresh</name><memory unit='MiB'>512</memory><vcpu>2</vcpu>"
                + "<os><type>hvm</type></os></domain>";
        int instances = sim.instanceCount();

        sim.loseNextGet("Msvm_ComputerSystem");
        VirtException lost = assertThrows(VirtException.class, () -> conn.defineXml(xml, 0));
        assertEquals("internal error: Could not lookup Msvm_ComputerSystem for DefineSystem invocation",
                lost.getMessage());
        assertEquals(instances, sim.instanceCount());
        assertEquals(-1, sim.enabledState("fresh"));

        sim.faultNextGet("Msvm_ComputerSystem");
        VirtException fault = assertThrows(VirtException.class, () -> conn.defineXml(xml, 0));
        assertTrue(fault.getMessage().startsWith("internal error: SOAP fault during get:"), fault.getMessage());
        assertEquals(instances, sim.instanceCount());

        DomainRef fresh = conn.defineXml(xml, 0);
        assertEquals("fresh", fresh.name());
        assertEquals(fresh.uuid(), conn.lookupByName("fresh").uuid());
        assertEquals(2, conn.info(fresh).nrVirtCpu());
    }
}
