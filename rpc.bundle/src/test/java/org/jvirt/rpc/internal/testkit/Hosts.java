package org.jvirt.rpc.internal.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * What the end-to-end tests serve: the core's real connection factory around the real test driver
 * (libvirt's test:///default: domain "test", running, ID 1), its state in a fresh directory.
 */
public final class Hosts {
    private Hosts() {
    }

    public static ConnectionFactory testDefault(Path stateDir) throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
        core.addDriver(new TestDriver(new FileStateStore(stateDir), new DomainXmlCodecImpl()),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        return core;
    }
}
