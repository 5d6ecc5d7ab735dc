package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.jvirt.driver.test.internal.LifecycleErrorsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test:///PATH.xml}: hosts described in libvirt's test driver file format. The expected
 * values are what libvirt 9.0 answers for the same files ({@code host-node.xml}).
 */
class HostFileTest {
    @TempDir
    Path stateDir;
    @TempDir
    Path files;
    private Fixture fixture;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture(stateDir);
        copy("host-node.xml");
        copy("dom2.xml");
    }

    @AfterEach
    void stop() {
        opened.forEach(Connection::close);
        fixture.close();
    }

    private void copy(String resource) throws IOException {
        Files.writeString(files.resolve(resource), Fixture.resource(resource));
    }

    private Connection open(String path) throws Exception {
        Connection c = fixture.core.open("test://" + path, 0);
        opened.add(c);
        return c;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }

    @Test
    void loadsNodeAndDomainsAsLibvirtDoes() throws Exception {
        Connection c = open(files.resolve("host-node.xml").toString());
        assertEquals(new NodeInfo("x86_64", 8192000, 6, 2000, 1, 1, 4, 2), c.nodeInfo());
        assertEquals(Fixture.resource("libvirt-capabilities-file.xml"), c.capabilities());
        Domain inl = c.lookupByName("inl");
        assertEquals(1, inl.id());
        assertEquals(DomainState.PAUSED, inl.state().state());
        assertEquals(0, inl.state().reason());
        assertEquals(3, inl.info().nrVirtCpu());
        assertEquals(7, inl.vcpuInfo().get(0).cpu(), "the last of nodes*sockets*cores*threads CPUs");
        assertFalse(inl.xmlDesc(0).contains("runstate"), "the test namespace is not formatted");
        assertFalse(inl.xmlDesc(0).contains("xmlns:test"));
        Domain fromFile = c.lookupByName("fromfile");
        assertEquals(2, fromFile.id());
        assertEquals(DomainState.RUNNING, fromFile.state().state());
        Domain tr = c.lookupByName("tr");
        assertEquals(3, tr.id());
        assertFalse(tr.isPersistent());
        Domain off = c.lookupByName("off");
        assertEquals(-1, off.id());
        assertEquals(DomainState.SHUTOFF, off.state().state());
        assertTrue(off.isPersistent());
        assertEquals(4, c.listAllDomains(0).size());
    }

    @Test
    void eachConnectionHasItsOwnHost() throws Exception {
        String path = files.resolve("host-node.xml").toString();
        Connection a = open(path);
        Connection b = open(path);
        a.lookupByName("off").create(0);
        assertEquals(DomainState.SHUTOFF, b.lookupByName("off").state().state());
        try (Connection def = fixture.open()) {
            assertEquals(1, def.listAllDomains(0).size(), "the default host is untouched");
        }
    }

    /** {@code <test:hasmanagedsave/>} on a shut-off domain: it has an image, as libvirt 9.0 loads it. */
    @Test
    void aFileDomainMayHaveAManagedSaveImage() throws Exception {
        Connection c = open(write("saved.xml", "<node><domain type='test' xmlns:test='" + TestNamespace.URI + "'>"
                + "<name>saved</name><memory>1024</memory><os><type>hvm</type></os><test:hasmanagedsave/>"
                + "<test:runstate>5</test:runstate></domain><domain type='test'><name>plain</name>"
                + "<memory>1024</memory><os><type>hvm</type></os></domain></node>").toString());
        Domain saved = c.lookupByName("saved");
        assertTrue(saved.hasManagedSaveImage(0));
        assertEquals(DomainState.SHUTOFF, saved.state().state());
        assertFalse(c.lookupByName("plain").hasManagedSaveImage(0));
        assertEquals(List.of("saved"), c.listAllDomains(ListFlag.MANAGEDSAVE.bit()).stream().map(Domain::name).toList());
        assertEquals(List.of("plain"), c.listAllDomains(ListFlag.NO_MANAGEDSAVE.bit()).stream().map(Domain::name)
                .toList());
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: Refusing to undefine while domain managed save image exists",
                () -> saved.undefine(0));
    }

    @Test
    void aMinimalFileKeepsLibvirtsDefaultNode() throws Exception {
        Path f = write("empty.xml", "<node/>");
        Connection c = open(f.toString());
        assertEquals(DefaultHost.NODE_INFO, c.nodeInfo());
        assertEquals(0, c.listAllDomains(0).size());
    }

    @Test
    void badFilesFailWithLibvirtsErrors() throws Exception {
        Path missing = files.resolve("missing.xml");
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                "XML error: failed to parse xml document '" + missing + "'", () -> open(missing.toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                "XML error: failed to parse xml document '" + missing + "'",
                () -> open(write("ref.xml", "<node><domain file='missing.xml'/></node>").toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST, "XML error: Root element is not 'node'",
                () -> open(write("nod.xml", "<nod/>").toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST, "XML error: invalid node cpu nodes value",
                () -> open(write("cpu.xml", "<node><cpu><nodes>x</nodes></cpu></node>").toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST, "XML error: invalid node memory value",
                () -> open(write("mem.xml", "<node><memory>abc</memory></node>").toString()));
        assertError(ErrorCode.NO_NAME, ErrorDomain.DOMAIN, "missing name information",
                () -> open(write("noname.xml",
                        "<node><domain type='test'><memory>1</memory><os><type>hvm</type></os></domain></node>")
                        .toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST, "XML error: transient domain cannot have runstate 'shutoff'",
                () -> open(write("tr.xml", "<node><domain type='test' xmlns:test='" + TestNamespace.URI + "'>"
                        + "<name>x</name><memory>1</memory><os><type>hvm</type></os><test:transient/>"
                        + "<test:runstate>5</test:runstate></domain></node>").toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                "XML error: domain with managedsave data can only have runstate 'shutoff'",
                () -> open(write("ms.xml", "<node><domain type='test' xmlns:test='" + TestNamespace.URI + "'>"
                        + "<name>x</name><memory>1</memory><os><type>hvm</type></os><test:hasmanagedsave/>"
                        + "</domain></node>").toString()));
        assertError(ErrorCode.XML_ERROR, ErrorDomain.XML, "XML error: expecting root element of 'domain', not 'node'",
                () -> open(write("self.xml", "<node><domain file='self.xml'/></node>").toString()));
        String longModel = "x".repeat(32);
        assertError(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                "internal error: Model " + longModel + " too big for destination",
                () -> open(write("model.xml", "<node><cpu><model>" + longModel + "</model></cpu></node>").toString()));
        Path malformed = write("bad.xml", "<node");
        VirtException e = assertThrows(VirtException.class,
                () -> open(malformed.toString()));
        assertEquals(ErrorCode.XML_DETAIL, e.code());
        assertTrue(e.getMessage().startsWith(malformed + ":1: "), e.getMessage());
    }

    @Test
    void entitiesAreNotExpanded() throws Exception {
        Path f = write("xxe.xml", "<!DOCTYPE node [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>"
                + "<node><cpu><model>&x;</model></cpu></node>");
        VirtException e = assertThrows(VirtException.class, () -> open(f.toString()));
        // the platform's one reader refuses any DOCTYPE, as for domain XML
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("XML error: DOCTYPE declarations are not allowed in " + f, e.getMessage());
    }

    @Test
    void hostFilesGetTheLimitsOfTheOneReader() throws Exception {
        Path deep = write("deep.xml", "<node>" + "<x>".repeat(5000) + "</x>".repeat(5000) + "</node>");
        VirtException e = assertThrows(VirtException.class, () -> open(deep.toString()));
        assertEquals(ErrorCode.XML_DETAIL, e.code());
        assertEquals(ErrorDomain.TEST, e.domain(), "libvirt reports host file errors from VIR_FROM_TEST");
        assertEquals(deep + ":1: Excessive depth in document: 256 use XML_PARSE_HUGE option", e.getMessage());
        Path bad = write("ctl.xml", "<node><cpu><model>a\u0001</model></cpu></node>");
        VirtException c = assertThrows(VirtException.class, () -> open(bad.toString()));
        assertEquals(bad + ":1: PCDATA invalid Char value 1", c.getMessage());
    }

    @Test
    void aPathIsNeeded() {
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "invalid argument: testOpen: supply a path or use test:///default", () -> open("/"));
    }
}
