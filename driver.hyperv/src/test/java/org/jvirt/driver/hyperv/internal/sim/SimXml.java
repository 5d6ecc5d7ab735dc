package org.jvirt.driver.hyperv.internal.sim;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The simulator's XML: parsing requests (no DOCTYPE) and writing SOAP 1.2 answers and faults. */
final class SimXml {
    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";

    private SimXml() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element parent, String name) {
        Element c = parent == null ? null : child(parent, name);
        return c == null ? null : c.getTextContent().trim();
    }

    /** An answer envelope with the WS-Addressing headers WinRM sends. */
    static String envelope(String action, String relatesTo, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP + "\" xmlns:a=\""
                + ADDRESSING + "\" xmlns:w=\"" + WSMAN + "\" xmlns:n=\"" + ENUMERATION + "\"><s:Header>"
                + "<a:To>" + ADDRESSING + "/role/anonymous</a:To><a:Action>" + escape(action) + "</a:Action>"
                + "<a:MessageID>uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + (relatesTo == null ? "" : "<a:RelatesTo>" + escape(relatesTo) + "</a:RelatesTo>")
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** A SOAP 1.2 fault as DSP0226 section 14 and WinRM write it (with a WMI error in the detail). */
    static String fault(String code, String subcode, String reason, String detail) {
        return envelope(ADDRESSING + "/fault", null, "<s:Fault><s:Code><s:Value>s:" + code + "</s:Value>"
                + "<s:Subcode><s:Value>w:" + subcode + "</s:Value></s:Subcode></s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en-US\">" + escape(reason) + "</s:Text></s:Reason>"
                + "<s:Detail><w:FaultDetail>" + escape(detail) + "</w:FaultDetail></s:Detail></s:Fault>");
    }

    /**
     * The EPR of an instance, keyed by the given properties, then WinRM's WMI plug-in's
     * {@code __cimnamespace} selector (the instance's WMI namespace), which WinRM adds to the EPRs it
     * hands back and takes in requests (Microsoft's "WMI plug-in" / "Resource URIs" pages).
     */
    static String reference(SimInstance instance, String... keys) {
        StringBuilder out = new StringBuilder("<a:Address>" + ADDRESSING + "/role/anonymous</a:Address>"
                + "<a:ReferenceParameters><w:ResourceURI>" + instance.resourceUri() + "</w:ResourceURI><w:SelectorSet>");
        for (String key : keys) {
            out.append("<w:Selector Name=\"").append(key).append("\">").append(escape(instance.get(key)))
                    .append("</w:Selector>");
        }
        out.append("<w:Selector Name=\"").append(SimHost.CIM_NAMESPACE).append("\">").append(instance.namespace())
                .append("</w:Selector>");
        return out.append("</w:SelectorSet></a:ReferenceParameters>").toString();
    }
}
