package org.jvirt.driver.hyperv.internal.wsman;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jvirt.api.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads an answer as libvirt's {@code hypervVerifyResponse} checks it: HTTP status 200, 400 or 500;
 * a body; a SOAP 1.2 envelope (parsed with DOCTYPEs refused); no SOAP fault; then the body's
 * element the operation expects. Every failure is a libvirt-style error naming the operation.
 */
public final class WsmanAnswers {
    private WsmanAnswers() {
    }

    /**
     * The element named {@code expect} in the answer's SOAP Body (the Body itself for null).
     *
     * @param detail the operation, for messages: enumeration, pull, release, get, invocation
     */
    public static Element read(String detail, WsmanTransport.Answer answer, String expect) throws VirtException {
        Element soapBody = verified(detail, answer);
        WsmanFault.check(detail, soapBody);
        if (expect == null) {
            return soapBody;
        }
        Element result = WsmanXml.child(soapBody, null, expect);
        if (result == null) {
            throw HypervErrors.internal("Unexpected response during " + detail + ": no " + expect + " in the answer");
        }
        return result;
    }

    /**
     * The instance a WS-Transfer Get answers (the SOAP Body's one child), or null when the server
     * answers that the reference selects no instance ({@link WsmanFault#selectsNothing}). Every other
     * failure is as {@link #read}'s, for the operation "get".
     */
    public static Element readInstance(WsmanTransport.Answer answer) throws VirtException {
        Element soapBody = verified("get", answer);
        if (WsmanFault.selectsNothing(soapBody)) {
            return null;
        }
        WsmanFault.check("get", soapBody);
        List<Element> children = WsmanXml.children(soapBody);
        if (children.size() != 1) {
            throw HypervErrors.internal("Unexpected response during get: " + children.size()
                    + " elements in the answer instead of one instance");
        }
        return children.get(0);
    }

    /** The SOAP Body of an answer whose status and size are as {@code hypervVerifyResponse} wants them. */
    private static Element verified(String detail, WsmanTransport.Answer answer) throws VirtException {
        int status = answer.status();
        if (status != 200 && status != 400 && status != 500) {
            throw HypervErrors.internal("Unexpected HTTP response during " + detail + ": " + status);
        }
        if (answer.body().length == 0) {
            throw HypervErrors.internal("Empty response during " + detail);
        }
        return soapBody(detail, answer);
    }

    /**
     * The {@code method_OUTPUT} of an invocation as libvirt 9.0's {@code hypervInvokeMethod} reads it
     * (the transport checks of {@link #read} first, which libvirt leaves to openwsman): a fault is
     * {@code WS-Management fault during M invocation: REASON}, no output {@code Could not get return
     * value for M invocation}. RequestStateChange goes through {@link #read}, as libvirt's
     * {@code hypervInvokeMsvmComputerSystemRequestStateChange} verifies its answer.
     */
    public static Element readInvocation(String method, WsmanTransport.Answer answer) throws VirtException {
        Element soapBody = verified("invocation", answer);
        WsmanFault.checkInvocation(method, soapBody);
        Element result = WsmanXml.child(soapBody, null, method + "_OUTPUT");
        if (result == null) {
            throw HypervErrors.internal("Could not get return value for " + method + " invocation");
        }
        return result;
    }

    private static Element soapBody(String detail, WsmanTransport.Answer answer) throws VirtException {
        String what = "Could not parse response during " + detail + " (HTTP " + answer.status() + ", "
                + (answer.contentType().isEmpty() ? "no content type" : answer.contentType()) + "): ";
        Document doc;
        try {
            doc = WsmanXml.parse(answer.body());
        } catch (SAXException | IOException e) {
            throw HypervErrors.internal(what + e.getMessage() + "; the answer begins '" + start(answer.body()) + "'", e);
        }
        Element envelope = doc.getDocumentElement();
        Element body = WsmanXml.SOAP.equals(envelope.getNamespaceURI()) && "Envelope".equals(envelope.getLocalName())
                ? WsmanXml.child(envelope, WsmanXml.SOAP, "Body") : null;
        if (body == null) {
            throw HypervErrors.internal(what + "not a SOAP 1.2 envelope but <" + envelope.getTagName() + ">");
        }
        return body;
    }

    /** The first 80 characters of an answer, on one line, for an error message. */
    private static String start(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").trim();
    }
}
