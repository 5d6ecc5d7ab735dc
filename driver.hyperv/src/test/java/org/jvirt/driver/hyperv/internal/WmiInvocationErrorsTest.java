package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;
import org.jvirt.driver.hyperv.internal.wsman.MethodInput;
import org.jvirt.driver.hyperv.internal.wsman.WsmanClient;
import org.jvirt.driver.hyperv.internal.wsman.WsmanTransport;

/**
 * A method's failure in the words of libvirt 9.0's path for it (hyperv_wmi.c): RequestStateChange
 * through {@code hypervInvokeMsvmComputerSystemRequestStateChange} ({@code hypervVerifyResponse}:
 * {@code SOAP fault during invocation: …}, {@code Could not lookup ReturnValue for …}), every other
 * method through {@code hypervInvokeMethod} ({@code WS-Management fault during M invocation: REASON},
 * {@code Could not get return value for M invocation}).
 */
class WmiInvocationErrorsTest {
    private static WsmanSimulator sim;
    private static Wmi wmi;

    @BeforeAll
    static void start() throws Exception {
        sim = WsmanSimulator.start();
        sim.addVm("web", 2, 1, 512);
        WsmanTransport transport = new WsmanTransport(URI.create("http://127.0.0.1:" + sim.port() + "/wsman"),
                WsmanSimulator.USER, WsmanSimulator.PASSWORD, false, 1 << 20, Duration.ofSeconds(10));
        wmi = new Wmi(new WsmanClient(transport, 10, 1000), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        wmi.close();
        sim.close();
    }

    private static String fail(String method) {
        return assertThrows(VirtException.class, () -> wmi.invoke(Wmi.reference("Msvm_ComputerSystem",
                "CreationClassName", "Msvm_ComputerSystem", "Name", "00000000-0000-0000-0000-000000000000"), method,
                new MethodInput().value("RequestedState", "2"))).getMessage();
    }

    @Test
    void faultsAreReportedAsLibvirtsPathForTheMethod() {
        sim.faultAtRequest(1);
        assertEquals("internal error: WS-Management fault during ModifySystemSettings invocation: The service is"
                + " stopping.", fail("ModifySystemSettings"));
        sim.faultAtRequest(1);
        assertEquals("internal error: SOAP fault during invocation: code 's:Receiver', subcode 'w:InternalError',"
                + " reason 'The service is stopping.', detail 'injected'", fail("RequestStateChange"));
    }

    @Test
    void anAnswerWithoutOutputHasNoReturnValue() {
        byte[] empty = ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        sim.answerNext(200, "application/soap+xml;charset=UTF-8", empty);
        assertEquals("internal error: Could not get return value for DefineSystem invocation", fail("DefineSystem"));
        sim.answerNext(200, "application/soap+xml;charset=UTF-8", ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/"
                + "soap-envelope\"><s:Body><p:RequestStateChange_OUTPUT xmlns:p=\"urn:x\"/></s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("internal error: Could not lookup ReturnValue for RequestStateChange invocation",
                fail("RequestStateChange"));
    }
}
