package org.jvirt.driver.test.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkConf;
import org.jvirt.api.spi.StorageConf;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;

/**
 * A host described by a file in libvirt's test driver format ({@code testOpenFromFile}):
 * {@code <node>} with an optional {@code <cpu>} (nodes, sockets, cores, threads, active, mhz, model)
 * and {@code <memory>} (KiB), and {@code <domain>} elements, inline or as
 * {@code <domain file='relative.xml'/>}. Domains may carry the test namespace
 * ({@code http://libvirt.org/schemas/domain/test/1.0}) elements {@code <test:runstate>},
 * {@code <test:transient/>} and {@code <test:hasmanagedsave/>}; {@code <network>} and {@code <pool>} elements ({@link #loadStorage}). The
 * host is private to one connection and never persisted. Files are
 * read by the codec's reader, the platform's one reader of untrusted XML.
 */
final class HostFile {
    /** Host files larger than this are refused before they are read. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Path file;
    private final DomainXmlCodec codec;
    /** The file's root element, once {@link #load} read it. */
    private XmlElement root;

    HostFile(Path file, DomainXmlCodec codec) {
        this.file = file;
        this.codec = codec;
    }

    TestHost load() throws VirtException {
        root = read(file);
        if (!"node".equals(root.name())) {
            throw TestDriverErrors.xml(ErrorDomain.TEST, "Root element is not 'node'");
        }
        NodeInfo node = new HostFileNodeInfo(root).read(DefaultHost.NODE_INFO);
        TestHost host = new TestHost(node, Capabilities.format(new long[0], 0), codec, HostJournal.NONE);
        DomainLoader loader = new DomainLoader(host);
        DefinitionPolicy policy = new DefinitionPolicy(codec);
        for (XmlElement domain : root.children("domain")) {
            String relative = domain.attribute("file");
            List<XmlElement> scope = relative == null || relative.isEmpty() ? List.of(root, domain)
                    : List.of(resolve(relative, "domain"));
            XmlElement resolved = scope.get(scope.size() - 1);
            TestNamespace ns = new TestNamespace(scope);
            int runstate = runstate(ns, resolved);
            boolean transientDomain = !ns.children(resolved, "transient").isEmpty();
            if (transientDomain && runstate == DomainState.SHUTOFF.number()) {
                throw TestDriverErrors.xml(ErrorDomain.TEST, "transient domain cannot have runstate 'shutoff'");
            }
            boolean managedSave = !ns.children(resolved, "hasmanagedsave").isEmpty();
            if (managedSave && runstate != DomainState.SHUTOFF.number()) {
                throw TestDriverErrors.xml(ErrorDomain.TEST,
                        "domain with managedsave data can only have runstate 'shutoff'");
            }
            DomainDef def = policy.parse(ns.strip(resolved));
            loader.add(def, !transientDomain, DomainState.ofNumber(runstate), managedSave);
        }
        return host;
    }

    /**
     * The file's {@code <network>} and {@code <pool>} elements ({@code testParseNetworks},
     * {@code testParseStorage}), each persistent and running; a pool's {@code <volume>} children are
     * its volumes ({@code testOpenVolumesForPool}). Any of them may name its element's file with
     * {@code file=}. After {@link #load}.
     */
    HostStorage loadStorage(NetworkConf networkConf, StorageConf storageConf) throws VirtException {
        HostStorage storage = HostStorage.empty(networkConf, storageConf);
        if (storage.networks() != null) {
            for (XmlElement network : root.children("network")) {
                storage.networks().load(networkConf.parse(inline(network, "network")));
            }
        }
        if (storage.pools() != null) {
            for (XmlElement pool : root.children("pool")) {
                TestPoolObj obj = storage.pools().load(storageConf.parsePool(inline(pool, "pool")));
                for (XmlElement volume : pool.children("volume")) {
                    obj.add(storageConf.parseVolume(obj.def, inline(volume, "volume")));
                }
            }
        }
        return storage;
    }

    private XmlElement inline(XmlElement e, String kind) throws VirtException {
        String relative = e.attribute("file");
        return relative == null || relative.isEmpty() ? e : resolve(relative, kind);
    }

    /** {@code testParseXMLDocFromFile}: a {@code file=} attribute names the real element. */
    private XmlElement resolve(String relative, String kind) throws VirtException {
        Path target = Path.of(relative);
        if (!target.isAbsolute()) {
            Path dir = file.toAbsolutePath().getParent();
            target = dir == null ? target : dir.resolve(relative);
        }
        XmlElement element = read(target);
        if (!kind.equals(TestNamespace.localName(element.name()))) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "expecting root element of '" + kind
                    + "', not '" + TestNamespace.localName(element.name()) + "'");
        }
        return element;
    }

    /** Reads {@code path} through the codec's reader; libvirt's error when it cannot be read. */
    private XmlElement read(Path path) throws VirtException {
        String text;
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_BYTES) {
                throw new IOException("not a regular file of at most " + MAX_BYTES + " bytes");
            }
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                    "failed to parse xml document '" + path + "'", e);
        }
        return codec.readXml(text, path.toString(), ErrorDomain.TEST);
    }

    /** {@code <test:runstate>}: a virDomainState number; running when absent. */
    private static int runstate(TestNamespace ns, XmlElement domain) throws VirtException {
        List<XmlElement> found = ns.children(domain, "runstate");
        if (found.isEmpty()) {
            return DomainState.RUNNING.number();
        }
        String text = textContent(found.get(0)).trim();
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

    /** DOM's {@code getTextContent}: the text of {@code e} and everything below it, in order. */
    static String textContent(XmlElement e) {
        StringBuilder out = new StringBuilder();
        List<XmlElement> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            XmlElement x = todo.remove(todo.size() - 1);
            if (x.text() != null) {
                out.append(x.text());
            }
            List<XmlElement> children = x.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.add(children.get(i));
            }
        }
        return out.toString();
    }
}
