package org.jvirt.driver.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * libvirt's {@code test:///default} host ({@code testOpenDefault}): an i686 node with 3 GiB and
 * 16 CPUs at 1400 MHz in 2 NUMA cells, and one running domain {@code test}.
 */
final class DefaultHost {
    /** libvirt's {@code defaultNodeInfo}. */
    static final NodeInfo NODE_INFO = new NodeInfo("i686", 3L * 1024 * 1024, 16, 1400, 2, 2, 2, 2);
    /** Cell {@code i} has {@code (i + 1) * 2 GiB}. */
    private static final long[] CELL_MEMORY_KIB = {2048L * 1024, 2 * 2048L * 1024};
    private static final int CPUS_PER_CELL = 8;
    /** The domain as libvirt formats it after parsing its {@code defaultConnXML}. */
    private static final String DOMAIN_RESOURCE = "default-domain.xml";

    private DefaultHost() {
    }

    static String capabilities() {
        return Capabilities.format(CELL_MEMORY_KIB, CPUS_PER_CELL);
    }

    /** A fresh default host: domain {@code test} running with ID 1, reason unknown. */
    static TestHost create(DomainXmlCodec codec, HostJournal journal) throws VirtException {
        TestHost host = new TestHost(NODE_INFO, capabilities(), codec, journal);
        DomainDef def = new DefinitionPolicy(codec).parse(defaultDomainXml());
        DomainObj dom = new DomainObj(def, true);
        dom.markStarted(host.nextId());
        host.setNextId(host.nextId() + 1);
        // testParseDomains sets the run state with reason 0 after starting the domain
        dom.setState(DomainState.RUNNING, 0);
        host.put(dom);
        return host;
    }

    static String defaultDomainXml() throws VirtException {
        try (InputStream in = DefaultHost.class.getResourceAsStream(DOMAIN_RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + DOMAIN_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                    "cannot read the default domain: " + e.getMessage(), e);
        }
    }
}
