package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;
import org.jvirt.driver.hyperv.internal.wsman.WsmanClient;
import org.jvirt.driver.hyperv.internal.wsman.WsmanTransport;

/**
 * The WS-Management client against the simulator: paging (Enumerate with OptimizeEnumeration and
 * MaxElements, then Pull), and broken or hostile answers, each a libvirt-style error.
 */
class WsmanClientTest {
    private static WsmanSimulator sim;
    private static DriverConnection conn;

    @BeforeAll
    static void start() throws Exception {
        sim = WsmanSimulator.start();
        for (int i = 0; i < 230; i++) {
            sim.addVm(String.format("vm%03d", i), i % 2 == 0 ? 2 : 3, 1, 512);
        }
        conn = new HypervDriver(HypervTestSupport.config(30, 1 << 20), HypervTestSupport.CODEC)
                .open(HypervTestSupport.uri(sim, WsmanSimulator.USER),
                        new HypervTestSupport.Auth(WsmanSimulator.PASSWORD), 0).orElseThrow();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void enumeratesEveryPageWithPullsOfOneHundred() throws Exception {
        int before = sim.requests();
        assertEquals(230, conn.listAllDomains(0).size());
        // Enumerate answers 100 at once (OptimizeEnumeration), then two Pulls: 100 and 30
        assertEquals(3, sim.requests() - before);
        assertEquals(0, sim.openEnumerations());
        // active by EnabledState in the query: the even ones run
        assertEquals(115, conn.listAllDomains(ListFlag.ACTIVE.bit()).size());
    }

    @Test
    void failedPullReleasesTheEnumeration() throws Exception {
        sim.faultAtRequest(2);
        VirtException e = assertThrows(VirtException.class, () -> conn.listAllDomains(0));
        assertTrue(e.getMessage().startsWith("internal error: SOAP fault during pull: code 's:Receiver'"), e.getMessage());
        // Enumerate, the failed Pull, then Release of the context the server still holds
        assertEquals(0, sim.openEnumerations());
    }

    @Test
    void enumerationThatNeverEndsIsCut() throws Exception {
        DriverConnection bounded = new HypervDriver(HypervTestSupport.config(30, 1 << 20, 10, 20),
                HypervTestSupport.CODEC).open(HypervTestSupport.uri(sim, WsmanSimulator.USER),
                new HypervTestSupport.Auth(WsmanSimulator.PASSWORD), 0).orElseThrow();
        // every answer: a context, no items, no end of sequence
        sim.answerAlways(200, "application/soap+xml", ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Body><n:EnumerateResponse>"
                + "<n:EnumerationContext>forever</n:EnumerationContext></n:EnumerateResponse><n:PullResponse>"
                + "<n:EnumerationContext>forever</n:EnumerationContext></n:PullResponse></s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
        try {
            VirtException e = assertThrows(VirtException.class, () -> bounded.hostname());
            assertEquals("internal error: Enumeration did not end after 20 pulls", e.getMessage());
        } finally {
            sim.answerAlways(0, null, null);
        }
    }

    @Test
    void serverThatDoesNotAnswerTimesOut() throws Exception {
        HypervConfig oneSecond = HypervTestSupport.config(30, 1 << 20, 1);
        DriverConnection slow = new HypervDriver(oneSecond, HypervTestSupport.CODEC).open(HypervTestSupport.uri(sim,
                WsmanSimulator.USER), new HypervTestSupport.Auth(WsmanSimulator.PASSWORD), 0).orElseThrow();
        sim.delayNext(3000);
        VirtException e = assertThrows(VirtException.class, () -> slow.hostname());
        assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
        assertTrue(e.getMessage().contains("Transport error during enumeration: no answer from"), e.getMessage());
        assertTrue(e.getMessage().endsWith("within 1 s"), e.getMessage());
    }

    @Test
    void soapFaultIsReportedWithCodeSubcodeReasonAndDetail() {
        sim.answerNext(500, "application/soap+xml;charset=UTF-8", ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Body><s:Fault><s:Code><s:Value>s:Receiver"
                + "</s:Value><s:Subcode><s:Value>w:InternalError</s:Value></s:Subcode></s:Code><s:Reason><s:Text"
                + " xml:lang=\"en-US\">The WMI service is stopping</s:Text></s:Reason><s:Detail><w:FaultDetail>0x80041033"
                + "</w:FaultDetail></s:Detail></s:Fault></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
        VirtException e = assertThrows(VirtException.class, () -> conn.hostname());
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals(ErrorDomain.HYPERV, e.domain());
        assertTrue(e.getMessage().contains("SOAP fault during enumeration: code 's:Receiver', subcode"
                + " 'w:InternalError', reason 'The WMI service is stopping', detail '0x80041033'"), e.getMessage());
    }

    @Test
    void htmlErrorPageIsNotTakenForAnAnswer() {
        sim.answerNext(500, "text/html", "<html><head><title>Proxy error</title></head><body><h1>500</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        VirtException e = assertThrows(VirtException.class, () -> conn.hostname());
        assertTrue(e.getMessage().contains("Could not parse response during enumeration (HTTP 500, text/html):"
                + " not a SOAP 1.2 envelope but <html>"), e.getMessage());
        sim.answerNext(503, "text/html", "<!DOCTYPE html><html><body>Service Unavailable</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        e = assertThrows(VirtException.class, () -> conn.hostname());
        assertTrue(e.getMessage().contains("Unexpected HTTP response during enumeration: 503"), e.getMessage());
    }

    @Test
    void externalEntitiesAreRefused() {
        sim.answerNext(200, "application/soap+xml", ("<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&x;"
                + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
        VirtException e = assertThrows(VirtException.class, () -> conn.hostname());
        assertTrue(e.getMessage().contains("Could not parse response during enumeration"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void hugeResponseIsCutAtTheLimit() {
        byte[] huge = new byte[(1 << 20) + 4096];
        Arrays.fill(huge, (byte) ' ');
        sim.answerNext(200, "application/soap+xml", huge);
        VirtException e = assertThrows(VirtException.class, () -> conn.hostname());
        assertEquals("internal error: Response during enumeration exceeds 1048576 bytes", e.getMessage());
    }

    @Test
    void emptyAnswerIsAnError() {
        sim.answerNext(200, "application/soap+xml", new byte[0]);
        VirtException e = assertThrows(VirtException.class, () -> conn.hostname());
        assertEquals("internal error: Empty response during enumeration", e.getMessage());
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() throws Exception {
        VirtException e = assertThrows(VirtException.class, () -> HypervTestSupport.driver()
                .open(HypervTestSupport.uri(sim, WsmanSimulator.USER), new HypervTestSupport.Auth("wrong"), 0));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertTrue(e.getMessage().contains("refused the user name or password (HTTP 401 during enumeration)"),
                e.getMessage());
    }

    @Test
    void unknownWqlIsTheServersFault() {
        Wmi wmi = wmi();
        VirtException e = assertThrows(VirtException.class, () -> wmi.query("Msvm_ComputerSystem",
                "SELECT Name FROM Msvm_ComputerSystem"));
        assertTrue(e.getMessage().contains("subcode 'w:CannotProcessFilter'"), e.getMessage());
        assertEquals(List.of(), assertDoesNotThrow(() -> wmi.query("Msvm_ComputerSystem",
                "SELECT * FROM Msvm_ComputerSystem WHERE ElementName = \"no\\\"such\"")));
    }

    private static Wmi wmi() {
        WsmanTransport transport = new WsmanTransport(URI.create("http://127.0.0.1:" + sim.port() + "/wsman"),
                WsmanSimulator.USER, WsmanSimulator.PASSWORD, false, 1 << 20, Duration.ofSeconds(10));
        return new Wmi(new WsmanClient(transport, 10, 1000), Duration.ofSeconds(5));
    }
}
