package org.jvirt.xml.internal;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.MissingResourceException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * Reads XML text into an {@link XmlElement} tree, safely: a DOCTYPE (and with it every DTD and
 * entity declaration) is refused, external entities are never resolved and the input size is
 * bounded. StAX keeps attributes in document order, which matters for round-tripping.
 */
final class SafeXmlReader {

    /** The largest XML document accepted (in characters). */
    static final int MAX_CHARS = 10 * 1024 * 1024;
    /**
     * The deepest nesting accepted: libxml2's xmlParserMaxDepth, which libvirt's parser keeps (it
     * does not pass XML_PARSE_HUGE). Formatting recurses over the tree, so this also bounds that.
     */
    static final int MAX_DEPTH = 256;

    private final String documentName;

    SafeXmlReader(String documentName) {
        this.documentName = documentName;
    }

    XmlElement read(String xml) throws VirtException {
        if (xml == null || xml.isBlank()) {
            throw XmlErrors.xml("empty XML document");
        }
        if (xml.length() > MAX_CHARS) {
            throw XmlErrors.xml("document of " + xml.length() + " characters exceeds the limit of " + MAX_CHARS);
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(xml));
            return readDocument(r);
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            String msg = e.getMessage();
            int i = msg == null ? -1 : msg.indexOf("Message: ");
            if (i >= 0) {
                msg = msg.substring(i + "Message: ".length());
            }
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML,
                    "(" + documentName + "):" + line + ": " + msg);
        } catch (MissingResourceException e) {
            // the JDK's parser lacks the text of some of its errors (InvalidCharInDTD, for a bad
            // character in a DOCTYPE it would refuse anyway): still malformed XML, not a crash
            int line = r == null || r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML,
                    "(" + documentName + "):" + line + ": malformed XML (" + e.getKey() + ")");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private XmlElement readDocument(XMLStreamReader r) throws XMLStreamException, VirtException {
        Deque<Builder> stack = new ArrayDeque<>();
        XmlElement root = null;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD ->
                        throw XmlErrors.xml("DOCTYPE declarations are not allowed in " + documentName);
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw XmlErrors.xml("entity reference '&" + r.getLocalName() + ";' is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (stack.size() > MAX_DEPTH) {
                        throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML, "(" + documentName + "):"
                                + r.getLocation().getLineNumber() + ": Excessive depth in document: " + MAX_DEPTH
                                + " use XML_PARSE_HUGE option");
                    }
                    Builder b = new Builder(qname(r.getPrefix(), r.getLocalName()));
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        b.attributes.add(new XmlAttribute(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p,
                                r.getNamespaceURI(i)));
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        b.attributes.add(new XmlAttribute(
                                qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i)));
                    }
                    stack.push(b);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.peek().addText(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = stack.pop().build();
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().addChild(done);
                    }
                }
                default -> {
                    // comments and processing instructions carry no configuration
                }
            }
        }
        if (root == null) {
            throw XmlErrors.xml("no root element");
        }
        return root;
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** Collects one element; text runs and children become a leaf text or mixed content. */
    private static final class Builder {
        final String name;
        final List<XmlAttribute> attributes = new ArrayList<>();
        final List<XmlElement> nodes = new ArrayList<>();
        final StringBuilder pending = new StringBuilder();
        boolean sawText;

        Builder(String name) {
            this.name = name;
        }

        void addText(String t) {
            pending.append(t);
            sawText = true;
        }

        void flushText() {
            if (pending.length() > 0) {
                nodes.add(new XmlElement(XmlElement.TEXT, List.of(), List.of(), pending.toString()));
                pending.setLength(0);
            }
        }

        void addChild(XmlElement child) {
            flushText();
            nodes.add(child);
        }

        XmlElement build() {
            flushText();
            boolean hasElements = nodes.stream().anyMatch(n -> !n.name().equals(XmlElement.TEXT));
            if (!hasElements) {
                StringBuilder text = new StringBuilder();
                nodes.forEach(n -> text.append(n.text()));
                return new XmlElement(name, attributes, List.of(), sawText ? text.toString() : null);
            }
            boolean mixed = nodes.stream().anyMatch(n -> n.name().equals(XmlElement.TEXT) && !n.text().isBlank());
            List<XmlElement> children = mixed ? nodes
                    : nodes.stream().filter(n -> !n.name().equals(XmlElement.TEXT)).toList();
            return new XmlElement(name, attributes, children, null);
        }
    }
}
