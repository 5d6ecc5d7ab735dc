package org.jvirt.xml.internal;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * The platform's one reader of untrusted XML (behind {@code DomainXmlCodec.readXml}): text into an
 * {@link XmlElement} tree. A DOCTYPE (and with it every DTD and entity declaration) is refused,
 * external entities are never resolved, and every dimension of the input is bounded. The tree is
 * built with an explicit stack, never by recursion. StAX keeps attributes in document order, which
 * matters for round-tripping.
 * <p>
 * The limits are libxml2's where libvirt's parser (libxml2 without {@code XML_PARSE_HUGE}) has one,
 * with its messages; the rest are set far above anything libvirt's own test data reaches.
 */
final class SafeXmlReader {

    /**
     * The largest document accepted, in characters. Clients cannot send more than 4 MiB (libvirt's RPC
     * string limit), but what jvirt formats itself must read back after a restart: escaping can make
     * text six times longer ({@code "} to {@code &quot;}, as libvirt's virBufferEscapeString does) and
     * indentation adds at most 60 spaces an element, so a 4 MiB definition formats to under 32 MiB.
     */
    static final int MAX_CHARS = 64 * 1024 * 1024;
    /** libxml2's xmlParserMaxDepth: elements nested deeper than this are refused. */
    static final int MAX_DEPTH = 256;
    /** libxml2's XML_MAX_TEXT_LENGTH: the longest text node or attribute value. */
    static final int MAX_TEXT = 10_000_000;
    /**
     * Elements in one document. libxml2 has no such limit (its bound is memory); the largest document
     * in libvirt's test data has under 4,000 elements, so 100,000 leaves room and bounds the tree's size.
     */
    static final int MAX_ELEMENTS = 100_000;
    /** Attributes on one element; libvirt's elements have at most a dozen (9 in its test data). */
    static final int MAX_ATTRIBUTES = 256;

    private final String url;
    private final ErrorDomain domain;

    /**
     * @param url    how messages name the document: a path, or a name in parentheses
     * @param domain the error domain of the reader's errors: its caller's, as in libvirt's virXMLParseHelper
     */
    SafeXmlReader(String url, ErrorDomain domain) {
        this.url = url;
        this.domain = domain;
    }

    XmlElement read(String xml) throws VirtException {
        if (xml == null || xml.isBlank()) {
            throw error("empty XML document");
        }
        if (xml.length() > MAX_CHARS) {
            throw error("document of " + xml.length() + " characters exceeds the limit of " + MAX_CHARS);
        }
        // the JDK's own StAX parser, made directly: newFactory() looks for another implementation
        // (system property, jaxp.properties, a ServiceLoader scan) at every document read
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
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
            throw detail(line, ParserMessages.libxml2(e.getMessage()));
        } catch (MissingResourceException e) {
            // the JDK's parser lacks the text of some of its errors (InvalidCharInDTD, for a bad
            // character in a DOCTYPE it would refuse anyway): still malformed XML, not a crash
            int line = r == null || r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
            throw detail(line, "malformed XML (" + e.getKey() + ")");
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
        Deque<ElementBuilder> stack = new ArrayDeque<>();
        XmlElement root = null;
        int elements = 0;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD ->
                        throw error("DOCTYPE declarations are not allowed in " + url);
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw error("entity reference '&" + r.getLocalName() + ";' is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (stack.size() > MAX_DEPTH) {
                        throw detail(line(r), "Excessive depth in document: " + MAX_DEPTH + " use XML_PARSE_HUGE option");
                    }
                    if (++elements > MAX_ELEMENTS) {
                        throw detail(line(r), "document has more than " + MAX_ELEMENTS + " elements");
                    }
                    stack.push(start(r));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        ElementBuilder b = stack.peek();
                        if (b.pendingLength() + r.getTextLength() > MAX_TEXT) {
                            throw detail(line(r), "xmlSAX2Characters: huge text node");
                        }
                        b.addText(r.getText());
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
            throw error("no root element");
        }
        return root;
    }

    private ElementBuilder start(XMLStreamReader r) throws VirtException {
        String name = qname(r.getPrefix(), r.getLocalName());
        if (r.getNamespaceCount() + r.getAttributeCount() > MAX_ATTRIBUTES) {
            throw detail(line(r), "element " + name + " has more than " + MAX_ATTRIBUTES + " attributes");
        }
        ElementBuilder b = new ElementBuilder(name);
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            b.attributes.add(new XmlAttribute(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i)));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String value = r.getAttributeValue(i);
            if (value.length() > MAX_TEXT) {
                throw detail(line(r), "AttValue length too long");
            }
            b.attributes.add(new XmlAttribute(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), value));
        }
        return b;
    }

    /**
     * Holds a tree built elsewhere (by a driver, through the API) to the bounds a read tree has, so
     * that nothing deeper or larger than the reader allows reaches the parser or the formatter.
     */
    void checkBounds(XmlElement root) throws VirtException {
        Deque<XmlElement> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(root);
        depths.push(0);
        int elements = 0;
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw detail(0, "Excessive depth in document: " + MAX_DEPTH + " use XML_PARSE_HUGE option");
            }
            if (++elements > MAX_ELEMENTS) {
                throw detail(0, "document has more than " + MAX_ELEMENTS + " elements");
            }
            for (XmlElement c : e.children()) {
                todo.push(c);
                depths.push(depth + 1);
            }
        }
    }

    /** libvirt's form of a libxml2 parse error ({@code catchXMLError}): {@code url:line: message}. */
    private VirtException detail(int line, String message) {
        return new VirtException(ErrorCode.XML_DETAIL, domain, url + ":" + line + ": " + message);
    }

    /** {@code XML error: <detail>}. */
    private VirtException error(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, domain, detail);
    }

    private static int line(XMLStreamReader r) {
        return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }
}
