package org.jvirt.driver.test.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;
import org.jvirt.api.tck.DriverConformanceSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The driver conformance suite on {@code test:///default}, through the core's facade. */
class TestDriverConformanceTest extends DriverConformanceSuite {
    @TempDir
    Path stateDir;
    private Fixture fixture;

    @Override
    protected Connection openConnection(int flags) throws VirtException {
        if (fixture == null) {
            fixture = new Fixture(stateDir);
        }
        return fixture.core.open("test:///default", flags);
    }

    @Override
    protected String domainXml(String name, UUID uuid, long memKiB) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>" + memKiB + "</memory><vcpu>2</vcpu>"
                + "<os><type arch='i686'>hvm</type></os></domain>";
    }

    @Override
    protected boolean shutdownIsImmediate() {
        return true;
    }

    /** libvirt's test driver has no connectDomainXMLToNative either. */
    @Override
    protected Set<String> unsupportedOperations() {
        return Set.of("virConnectDomainXMLToNative");
    }

    @AfterEach
    void stopDriver() {
        // runs before the suite's cleanup, which still needs the driver: close it lazily there
    }
}
