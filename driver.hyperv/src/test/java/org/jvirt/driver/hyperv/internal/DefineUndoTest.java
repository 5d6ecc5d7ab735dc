package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * The bad answers of issue 13's list (a fault envelope, an HTML error page, a huge response, a
 * server silent past the timeout, a refused login) arriving in the middle of a define, after
 * DefineSystem has made the VM: each is a libvirt-style error and the VM is destroyed again, so
 * the host holds what it held before. (A job that fails mid-define: HypervDefineTest and
 * HypervDevicesTest.)
 */
class DefineUndoTest {
    private static final String XML = "<domain type='hyperv'><name>new1</name><memory unit='MiB'>1024</memory>"
            + "<vcpu>2</vcpu><os><type>hvm</type></os></domain>";
    private static final byte[] FAULT = ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Body><s:Fault><s:Code><s:Value>s:Receiver"
            + "</s:Value><s:Subcode><s:Value>w:InternalError</s:Value></s:Subcode></s:Code><s:Reason><s:Text"
            + " xml:lang=\"en-US\">The WMI service is stopping</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>")
            .getBytes(StandardCharsets.UTF_8);

    private WsmanSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = WsmanSimulator.start();
        sim.addVm("web", 2, 2, 2048);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Stream<Arguments> badAnswers() {
        byte[] huge = new byte[(1 << 20) + 1];
        Arrays.fill(huge, (byte) ' ');
        return Stream.of(
                Arguments.of("fault envelope", 500, "application/soap+xml", FAULT, 0, ErrorCode.INTERNAL_ERROR,
                        "internal error: WS-Management fault during ModifyResourceSettings invocation: The WMI service"
                                + " is stopping"),
                Arguments.of("HTML error page", 500, "text/html", "<html><body><h1>Proxy error</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8), 0, ErrorCode.INTERNAL_ERROR,
                        "internal error: Could not parse response during invocation (HTTP 500, text/html): not a"
                                + " SOAP 1.2 envelope but <html>"),
                Arguments.of("huge response", 200, "application/soap+xml", huge, 0, ErrorCode.INTERNAL_ERROR,
                        "internal error: Response during invocation exceeds 1048576 bytes"),
                Arguments.of("timeout", 0, null, null, 3000, ErrorCode.OPERATION_TIMEOUT,
                        "Timed out during operation: Transport error during invocation: no answer from"),
                Arguments.of("refused login", 401, "text/plain", new byte[] {'x'}, 0, ErrorCode.AUTH_FAILED,
                        "authentication failed: the WS-Management service at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void aBadAnswerAfterDefineSystemUndoesTheDefinition(String kind, int status, String type, byte[] body,
                                                         long delay, ErrorCode code, String message) throws Exception {
        DriverConnection conn = HypervTestSupport.open(new HypervDriver(HypervTestSupport.config(30, 1 << 20, 1),
                HypervTestSupport.CODEC), sim);
        int instances = sim.instanceCount();
        // where the first change after DefineSystem is: the same on every fresh simulator
        int at = firstModifyAfterDefineSystem(conn);
        assertEquals(instances, sim.instanceCount());

        sim.answerAtRequest(at, status, type, body, delay);
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(XML, 0));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(-1, sim.enabledState("new1"), kind + ": the new VM is destroyed again");
        assertEquals(instances, sim.instanceCount());
        assertEquals(1, sim.count("Msvm_VirtualSystemSettingData"));
    }

    /** Defines and undefines once; returns the position of the first ModifyResourceSettings after DefineSystem. */
    private int firstModifyAfterDefineSystem(DriverConnection conn) throws VirtException {
        int before = sim.actions().size();
        conn.undefine(conn.defineXml(XML, 0), 0);
        List<String> actions = sim.actions().subList(before, sim.actions().size());
        int define = actions.indexOf("DefineSystem");
        int modify = actions.subList(define, actions.size()).indexOf("ModifyResourceSettings");
        assertTrue(define >= 0 && modify > 0, actions.toString());
        return define + modify + 1;
    }
}
