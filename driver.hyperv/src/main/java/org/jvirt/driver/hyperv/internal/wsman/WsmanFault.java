package org.jvirt.driver.hyperv.internal.wsman;

import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * A SOAP 1.2 fault in an answer (DSP0226 section 14), reported as libvirt's {@code hypervVerifyResponse}
 * does: {@code SOAP fault during DETAIL: code 'C', subcode 'S', reason 'R', detail 'D'}.
 */
final class WsmanFault {
    private WsmanFault() {
    }

    static void check(String detail, Element soapBody) throws VirtException {
        Element fault = WsmanXml.child(soapBody, WsmanXml.SOAP, "Fault");
        if (fault == null) {
            return;
        }
        String code = null;
        String subcode = null;
        Element codeElement = WsmanXml.child(fault, WsmanXml.SOAP, "Code");
        if (codeElement != null) {
            code = WsmanXml.childText(codeElement, WsmanXml.SOAP, "Value");
            Element sub = WsmanXml.child(codeElement, WsmanXml.SOAP, "Subcode");
            subcode = sub == null ? null : WsmanXml.childText(sub, WsmanXml.SOAP, "Value");
        }
        Element reason = WsmanXml.child(fault, WsmanXml.SOAP, "Reason");
        String reasonText = reason == null ? null : WsmanXml.childText(reason, WsmanXml.SOAP, "Text");
        Element detailElement = WsmanXml.child(fault, WsmanXml.SOAP, "Detail");
        String detailText = detailElement == null ? null : detailElement.getTextContent().replaceAll("\\s+", " ").trim();
        throw HypervErrors.internal("SOAP fault during " + detail + ": code '" + nullstr(code) + "', subcode '"
                + nullstr(subcode) + "', reason '" + nullstr(reasonText) + "', detail '" + nullstr(detailText) + "'");
    }

    /**
     * libvirt 9.0's {@code hypervInvokeMethod} (every method but RequestStateChange) does not run
     * {@code hypervVerifyResponse}: a fault is {@code WS-Management fault during M invocation: REASON}
     * (its {@code s:Reason/s:Text}); without a reason, {@code Could not get return value for M invocation}.
     */
    static void checkInvocation(String method, Element soapBody) throws VirtException {
        Element fault = WsmanXml.child(soapBody, WsmanXml.SOAP, "Fault");
        if (fault == null) {
            return;
        }
        Element reason = WsmanXml.child(fault, WsmanXml.SOAP, "Reason");
        String reasonText = reason == null ? null : WsmanXml.childText(reason, WsmanXml.SOAP, "Text");
        if (reasonText == null) {
            throw HypervErrors.internal("Could not get return value for " + method + " invocation");
        }
        throw HypervErrors.internal("WS-Management fault during " + method + " invocation: " + reasonText);
    }

    /**
     * Whether the answer is the fault a WS-Management service gives for a reference that selects no
     * instance (a job or a VM that is gone): WinRM's {@code w:InvalidSelectors} ("the request contained
     * invalid selectors for the resource", what it answers when WMI finds no such object) or DSP0226's
     * {@code wsa:DestinationUnreachable}, unless its detail is {@code InvalidResourceURI} (then the class or
     * namespace is unknown, which {@link #check} reports with the server's words).
     */
    static boolean selectsNothing(Element soapBody) {
        Element fault = WsmanXml.child(soapBody, WsmanXml.SOAP, "Fault");
        Element code = fault == null ? null : WsmanXml.child(fault, WsmanXml.SOAP, "Code");
        Element sub = code == null ? null : WsmanXml.child(code, WsmanXml.SOAP, "Subcode");
        String subcode = sub == null ? null : WsmanXml.childText(sub, WsmanXml.SOAP, "Value");
        if (subcode == null) {
            return false;
        }
        String name = subcode.substring(subcode.indexOf(':') + 1);
        if (name.equals("InvalidSelectors")) {
            return true;
        }
        Element detail = WsmanXml.child(fault, WsmanXml.SOAP, "Detail");
        return name.equals("DestinationUnreachable")
                && (detail == null || !detail.getTextContent().contains("InvalidResourceURI"));
    }

    /** libvirt's NULLSTR. */
    private static String nullstr(String s) {
        return s == null ? "<null>" : s;
    }
}
