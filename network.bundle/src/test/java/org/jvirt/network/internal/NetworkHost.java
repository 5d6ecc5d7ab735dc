package org.jvirt.network.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The real core with network:///system and the network driver on a state folder, without OSGi; its
 * host commands run with {@code prefix} (a test's network namespace).
 */
final class NetworkHost {
    final Path state;
    final Path runtime;
    final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
    final NetworkDriverComponent driver;

    NetworkHost(Path dir, List<String> prefix) throws VirtException {
        this.state = dir.resolve("state");
        this.runtime = dir.resolve("run");
        this.driver = new NetworkDriverComponent(new FileStateStore(state), new DomainXmlCodecImpl(), runtime,
                new CommandRunner(prefix), "dnsmasq");
        core.addDriver(new NetworkHypervisorDriver(true), Map.of(HypervisorDriver.SCHEMES, new String[] {"network"}));
        core.bindNetworkDriver(driver);
    }

    Connection open() throws VirtException {
        return core.open("network:///system", 0);
    }

    Connection openReadOnly() throws VirtException {
        return core.open("network:///system", 1);
    }
}
