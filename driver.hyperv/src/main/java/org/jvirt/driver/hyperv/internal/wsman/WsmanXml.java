package org.jvirt.driver.hyperv.internal.wsman;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The namespaces of WS-Management (DSP0226 1.x as WinRM speaks it) and the reading of answers.
 * Answers are untrusted: the parser refuses any DOCTYPE (so no external entity and no entity
 * expansion) and runs with the JDK's secure processing limits.
 */
public final class WsmanXml {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String ANONYMOUS = ADDRESSING + "/role/anonymous";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The filter dialect of WMI's query language (Microsoft's WS-Management extensions). */
    public static final String WQL_DIALECT = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    /** Where WinRM maps WMI namespaces: this, then {@code root/cimv2/} or {@code root/virtualization/v2/}. */
    public static final String WMI_BASE = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";

    private WsmanXml() {
    }

    /** Escapes text for an element or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One parser per thread, reset before each use, rather than a factory lookup for every answer and
     * every job poll (a service lookup, in OSGi through the bundle class loaders), as driver.esx does.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(WsmanXml::newBuilder);

    /** Parses an answer; throws SAXException for what is not well-formed XML or has a DOCTYPE. */
    public static Document parse(byte[] bytes) throws SAXException, IOException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
        }
    }

    /** The first child element of {@code parent} in {@code ns} (any for null) named {@code name}, or null. */
    public static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (ns == null || ns.equals(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    /** The child elements of {@code parent}. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The trimmed text of the first child {@code ns:name}, or null. */
    public static String childText(Element parent, String ns, String name) {
        Element c = child(parent, ns, name);
        return c == null ? null : c.getTextContent().trim();
    }

    /** Whether the element is {@code xsi:nil="true"}, WS-Management's null. */
    public static boolean isNil(Element e) {
        String nil = e.getAttributeNS(XSI, "nil");
        return "true".equals(nil) || "1".equals(nil);
    }
}
