package org.jvirt.driver.test.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A host described by a file in libvirt's test driver format ({@code testOpenFromFile}):
 * {@code <node>} with an optional {@code <cpu>} (nodes, sockets, cores, threads, active, mhz, model)
 * and {@code <memory>} (KiB), and {@code <domain>} elements, inline or as
 * {@code <domain file='relative.xml'/>}. Domains may carry the test namespace
 * ({@code http://libvirt.org/schemas/domain/test/1.0}) elements {@code <test:runstate>} and
 * {@code <test:transient/>}. The host is private to one connection and never persisted.
 */
final class HostFile {
    static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";

    private final Path file;
    private final DomainXmlCodec codec;

    HostFile(Path file, DomainXmlCodec codec) {
        this.file = file;
        this.codec = codec;
    }

    TestHost load() throws VirtException {
        Element root = SafeXml.read(file).getDocumentElement();
        if (!"node".equals(root.getLocalName())) {
            throw TestDriverErrors.xml(ErrorDomain.TEST, "Root element is not 'node'");
        }
        NodeInfo node = new HostFileNodeInfo(root).read(DefaultHost.NODE_INFO);
        TestHost host = new TestHost(node, Capabilities.format(new long[0], 0), codec, HostJournal.NONE);
        DomainLoader loader = new DomainLoader(host);
        DefinitionPolicy policy = new DefinitionPolicy(codec);
        for (Element domain : children(root, "domain")) {
            Element resolved = resolve(domain);
            int runstate = runstate(resolved);
            boolean transientDomain = !children(resolved, TEST_NS, "transient").isEmpty();
            if (transientDomain && runstate == DomainState.SHUTOFF.number()) {
                throw TestDriverErrors.xml(ErrorDomain.TEST, "transient domain cannot have runstate 'shutoff'");
            }
            removeTestElements(resolved);
            DomainDef def = policy.parse(SafeXml.toText(resolved));
            loader.add(def, !transientDomain, DomainState.ofNumber(runstate));
        }
        return host;
    }

    /** {@code testParseXMLDocFromFile}: a {@code file=} attribute names the real element. */
    private Element resolve(Element domain) throws VirtException {
        String relative = domain.getAttribute("file");
        if (relative.isEmpty()) {
            return domain;
        }
        Path target = Path.of(relative);
        if (!target.isAbsolute()) {
            Path dir = file.toAbsolutePath().getParent();
            target = dir == null ? target : dir.resolve(relative);
        }
        Document doc = SafeXml.read(target);
        SafeXml.expectRoot(doc.getDocumentElement(), "domain");
        return doc.getDocumentElement();
    }

    /** {@code <test:runstate>}: a virDomainState number; running when absent. */
    private static int runstate(Element domain) throws VirtException {
        List<Element> found = children(domain, TEST_NS, "runstate");
        if (found.isEmpty()) {
            return DomainState.RUNNING.number();
        }
        String text = found.get(0).getTextContent().trim();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw TestDriverErrors.xml(ErrorDomain.TEST, "invalid runstate");
        }
        if (value < 0 || value > DomainState.PMSUSPENDED.number()) {
            throw TestDriverErrors.xml(ErrorDomain.TEST, "runstate '" + value + "' out of range'");
        }
        return value;
    }

    /** The test namespace is the driver's: the generic definition does not keep it. */
    static void removeTestElements(Element domain) {
        for (Element e : children(domain, TEST_NS, null)) {
            domain.removeChild(e);
        }
        var attrs = domain.getAttributes();
        for (int i = attrs.getLength() - 1; i >= 0; i--) {
            Node a = attrs.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI()) && TEST_NS.equals(a.getNodeValue())) {
                domain.removeAttributeNode((Attr) a);
            }
        }
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNamespaceURI() == null && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI())
                    && (localName == null || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }
}
