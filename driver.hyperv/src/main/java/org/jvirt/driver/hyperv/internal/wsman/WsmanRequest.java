package org.jvirt.driver.hyperv.internal.wsman;

import java.util.Map;
import java.util.UUID;

/**
 * The SOAP 1.2 envelopes of the WS-Management operations the driver uses (DSP0226 with WS-Enumeration
 * and WS-Transfer): Enumerate, Pull, Release, Get and a custom action (a WMI method).
 */
final class WsmanRequest {
    static final String ENUMERATE = WsmanXml.ENUMERATION + "/Enumerate";
    static final String PULL = WsmanXml.ENUMERATION + "/Pull";
    static final String RELEASE = WsmanXml.ENUMERATION + "/Release";
    /** WS-Transfer Get (DSP0226 7.3): the resource URI and selectors name the instance, the body is empty. */
    static final String GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";

    private WsmanRequest() {
    }

    /** An envelope: the addressing headers, the resource URI, the selectors, then {@code body}. */
    static String envelope(String to, String action, String resourceUri, Map<String, String> selectors,
                           int maxEnvelopeSize, int timeoutSeconds, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + WsmanXml.SOAP + "\" xmlns:a=\"" + WsmanXml.ADDRESSING
                + "\" xmlns:w=\"" + WsmanXml.WSMAN + "\" xmlns:n=\"" + WsmanXml.ENUMERATION
                + "\" xmlns:xsi=\"" + WsmanXml.XSI + "\"><s:Header>"
                + "<a:To>" + WsmanXml.escape(to) + "</a:To>"
                + "<w:ResourceURI s:mustUnderstand=\"true\">" + WsmanXml.escape(resourceUri) + "</w:ResourceURI>"
                + "<a:ReplyTo><a:Address s:mustUnderstand=\"true\">" + WsmanXml.ANONYMOUS + "</a:Address></a:ReplyTo>"
                + "<a:Action s:mustUnderstand=\"true\">" + WsmanXml.escape(action) + "</a:Action>"
                + "<w:MaxEnvelopeSize s:mustUnderstand=\"true\">" + maxEnvelopeSize + "</w:MaxEnvelopeSize>"
                + "<a:MessageID>uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<w:OperationTimeout>PT" + timeoutSeconds + "S</w:OperationTimeout>"
                + WmiReference.selectorSet(selectors)
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** Enumerate with the first items in the answer (OptimizeEnumeration) and a WQL filter. */
    static String enumerateBody(String wql, int maxElements) {
        return "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>" + maxElements + "</w:MaxElements>"
                + "<w:Filter Dialect=\"" + WsmanXml.WQL_DIALECT + "\">" + WsmanXml.escape(wql)
                + "</w:Filter></n:Enumerate>";
    }

    static String pullBody(String context, int maxElements) {
        return "<n:Pull><n:EnumerationContext>" + WsmanXml.escape(context) + "</n:EnumerationContext>"
                + "<n:MaxElements>" + maxElements + "</n:MaxElements></n:Pull>";
    }

    static String releaseBody(String context) {
        return "<n:Release><n:EnumerationContext>" + WsmanXml.escape(context) + "</n:EnumerationContext></n:Release>";
    }
}
