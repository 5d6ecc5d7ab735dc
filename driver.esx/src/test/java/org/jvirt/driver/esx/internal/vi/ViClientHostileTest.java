package org.jvirt.driver.esx.internal.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

import com.sun.net.httpserver.HttpServer;

/**
 * The SOAP client against a server that answers badly: a fault, an HTML error page, a truncated
 * or oversized answer, a DOCTYPE with an external entity. Each is a clear libvirt-style error.
 */
class ViClientHostileTest {
    private static final String OK = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"" + SoapXml.SOAPENV
            + "\"><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>";

    private HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private ViClient client;

    record Answer(int status, String contentType, byte[] body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sdk", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Answer a = answer.get();
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sdk");
        client = new ViClient(new ViTransport(url, false, null, 4096, Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String body) {
        answer.set(new Answer(status, "text/xml", body.getBytes(StandardCharsets.UTF_8)));
    }

    private VirtException call() {
        return assertThrows(VirtException.class, () -> client.connect("u", "p"));
    }

    @Test
    void aSoapFaultIsReportedAsLibvirtDoes() {
        answer(500, String.format(OK, "<soapenv:Fault><faultcode>ServerFaultCode</faultcode>"
                + "<faultstring>nope</faultstring><detail><NotFoundFault xmlns=\"urn:vim25\"/></detail>"
                + "</soapenv:Fault>"));
        VirtException e = call();
        assertTrue(e instanceof VimFault);
        assertEquals("NotFound", ((VimFault) e).faultType());
        assertEquals(ErrorDomain.ESX, e.domain());
        assertEquals("internal error: HTTP response code 500 for call to 'RetrieveServiceContent'. Fault: "
                + "ServerFaultCode - nope", e.getMessage());
    }

    @Test
    void aFaultWithoutItsPartsIsUnknown() {
        answer(500, String.format(OK, "<soapenv:Fault/>"));
        assertEquals("internal error: HTTP response code 500 for call to 'RetrieveServiceContent'. Fault is unknown,"
                + " deserialization failed", call().getMessage());
    }

    @Test
    void anHtmlErrorPageIsAnHttpError() {
        answer.set(new Answer(503, "text/html", "<html><body>down</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("internal error: HTTP response code 503 for call to 'RetrieveServiceContent'", call().getMessage());
    }

    @Test
    void htmlWithStatus200IsNotASoapEnvelope() {
        answer(200, "<html><body>proxy login</body></html>");
        assertEquals("internal error: Response for call to 'RetrieveServiceContent' is not a SOAP envelope",
                call().getMessage());
    }

    @Test
    void aTruncatedAnswerIsMalformed() {
        answer(200, String.format(OK, "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval>").substring(0,
                150));
        VirtException e = call();
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: Malformed response for call to 'RetrieveServiceContent'"
                + " (HTTP 200)"), e.getMessage());
    }

    @Test
    void anAnswerAboveTheLimitIsRefused() {
        answer(200, String.format(OK, "<x>" + "a".repeat(5000) + "</x>"));
        assertEquals("internal error: Response for call to 'RetrieveServiceContent' exceeds 4096 bytes",
                call().getMessage());
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsRead() {
        answer(200, "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + String.format(OK, "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval>&x;</returnval>"
                        + "</RetrieveServiceContentResponse>").substring("<?xml version=\"1.0\"?>".length()));
        VirtException e = call();
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(!e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void anAnswerForAnotherMethodIsRefused() {
        answer(200, String.format(OK, "<LoginResponse xmlns=\"urn:vim25\"/>"));
        assertEquals("internal error: XPath evaluation of response for call to 'RetrieveServiceContent' failed",
                call().getMessage());
    }
}
