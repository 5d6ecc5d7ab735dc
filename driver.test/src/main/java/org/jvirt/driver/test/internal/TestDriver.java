package org.jvirt.driver.test.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's test driver as a jvirt {@link HypervisorDriver} for scheme {@code test}:
 * {@code test:///default} is one host shared by all its connections and kept in the core's
 * {@link StateStore}, so it survives an update of this bundle; {@code test:///ABSOLUTE/PATH.xml}
 * loads a private host from a file for each connection.
 */
@Component(service = HypervisorDriver.class)
@DriverSchemes({"test"})
public final class TestDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(TestDriver.class);
    static final String NAME = "Test";
    private static final int OPEN_FLAGS = OpenFlag.READ_ONLY.bit() | OpenFlag.NO_ALIASES.bit();

    private final DomainXmlCodec codec;
    private final TestHost defaultHost;
    private final HostName hostname = new HostName();

    @Activate
    public TestDriver(@Reference(name = "store") StateStore store, @Reference(name = "codec") DomainXmlCodec codec) throws VirtException {
        this.codec = codec;
        this.defaultHost = new StoredHost(store, codec).open();
    }

    @Deactivate
    void deactivate() {
        defaultHost.close();
        LOG.debug("Test driver stopped; its connections no longer serve");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!"test".equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        TestDriverErrors.checkFlags(flags, OPEN_FLAGS, "testConnectOpen");
        String path = uri.path();
        if (path.isEmpty() || "/".equals(path)) {
            throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "testOpen: supply a path or use test:///default");
        }
        if ("/default".equals(path)) {
            return Optional.of(new TestConnection(defaultHost, hostname));
        }
        TestHost host = new HostFile(Path.of(path), codec).load();
        LOG.debug("Opened test host from {}", path);
        return Optional.of(new TestConnection(host, hostname));
    }
}
