package org.jvirt.driver.esx.internal.vi;

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
 * SOAP 1.1 envelopes for vim25 and the reading of the server's answers. Answers are untrusted:
 * the parser refuses any DOCTYPE (so no external entity and no entity expansion) and runs with the
 * JDK's secure processing limits.
 */
public final class SoapXml {
    public static final String SOAPENV = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String VIM25 = "urn:vim25";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"" + SOAPENV + "\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:xsi=\"" + XSI + "\"><soapenv:Body>";
    private static final String ENVELOPE_END = "</soapenv:Body></soapenv:Envelope>";

    /**
     * One parser per thread, reset before each use, rather than a factory lookup for every answer
     * (a service lookup, in OSGi through the bundle class loaders).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return factory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
        }
    });

    private SoapXml() {
    }

    /** The request for {@code method} on {@code target} with the parameters' XML after {@code _this}. */
    static String request(String method, MoRef target, String parameters) {
        return ENVELOPE_START + "<" + method + " xmlns=\"" + VIM25 + "\">" + target.toXml("_this") + parameters
                + "</" + method + ">" + ENVELOPE_END;
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

    /** {@code <name>text</name>} with the text escaped. */
    public static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    /** Parses an answer; throws SAXException for what is not well-formed XML or has a DOCTYPE. */
    static Document parse(byte[] bytes) throws SAXException, IOException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }


    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** The first child element of {@code parent} with local name {@code name}, or null. */
    public static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The child elements of {@code parent} with local name {@code name} (all of them for null). */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The trimmed text of the child {@code name}, or null when there is none. */
    public static String childText(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent().trim();
    }

    /** The value of the {@code xsi:type} attribute, without a namespace prefix, or null. */
    public static String xsiType(Element element) {
        String type = element.getAttributeNS(XSI, "type");
        if (type == null || type.isEmpty()) {
            return null;
        }
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(colon + 1);
    }
}
