package org.jvirt.driver.test.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Reads host description files safely (no DTDs, no external entities, bounded size) and writes
 * elements back to text for the domain XML codec.
 */
final class SafeXml {
    /** Host files larger than this are refused. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private SafeXml() {
    }

    /** Parses {@code file}; libvirt's errors when it cannot be read or is not well formed. */
    static Document read(Path file) throws VirtException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new IOException("not a regular file of at most " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                    "failed to parse xml document '" + file + "'", e);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes), file.toString());
        } catch (SAXParseException e) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.TEST,
                    file + ":" + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                    "failed to parse xml document '" + file + "'", e);
        }
    }

    /** Parses XML text (a domain definition that carries the test namespace). */
    static Document parse(String xml, String what) throws VirtException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML,
                    "(" + what + "):" + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "failed to parse " + what, e);
        }
    }

    /** libvirt's check of the root element ({@code virXMLParse} with a root name). */
    static void expectRoot(Element root, String name) throws VirtException {
        if (!name.equals(root.getLocalName())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of '" + name + "', not '" + root.getLocalName() + "'");
        }
    }

    static String toText(Element element) throws VirtException {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                    "cannot serialise <" + element.getTagName() + ">: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
