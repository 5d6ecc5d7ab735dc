package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainStats;
import org.jvirt.api.StatsGroup;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.network.internal.NetworkConfComponent;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.storage.internal.StorageConfComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * CONNECT_GET_ALL_DOMAIN_STATS with a list of domains, as libvirtd serves it: the server makes a
 * handle of each listed domain (get_nonnull_domain) and the driver is asked for the statistics
 * once, without a lookup per domain; a listed domain that does not exist is left out. The real
 * test driver, registered with the core through its driver extension point, records the calls its
 * connections get.
 */
class StatsOfListedDomainsTest {
    private static final UUID TEST = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
    private Path state;
    private RecordingDriver driver;
    private Jvirtd jvirtd;

    @BeforeEach
    void start() throws Exception {
        state = Files.createTempDirectory("stats-state");
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        driver = new RecordingDriver(new TestDriver(new FileStateStore(state), codec,
                new NetworkConfComponent(codec), new StorageConfComponent(codec)));
        CoreConnectionFactory served = new CoreConnectionFactory(Duration.ofSeconds(2));
        served.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        jvirtd = new Jvirtd(served);
    }

    @AfterEach
    void stop() throws Exception {
        jvirtd.close();
        try (Stream<Path> s = Files.walk(state)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void listedDomainsAreNotLookedUpAndMissingOnesAreLeftOut() throws Exception {
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                HypervisorDriver.REMOTE_SCHEME);
        try (Connection c = client.open(jvirtd.unixUri(), 0)) {
            List<Domain> doms = List.of(c.domainHandle("test", TEST, 1),
                    c.domainHandle("gone", UUID.randomUUID(), -1));
            driver.calls.clear();
            List<DomainStats> stats = c.domainStats(doms, StatsGroup.STATE.bit(), 0);
            assertEquals(List.of("test"), stats.stream().map(s -> s.domain().name()).toList());
            // the server's handle of each listed domain asks the driver whether it makes handles
            // (a local answer, no lookup: the test driver makes none), then one statistics call
            assertEquals(List.of("domainHandle", "domainHandle", "domainStats"), driverCalls());
        }
    }

    /** The calls the driver's connections got, but the core's liveness checks. */
    private List<String> driverCalls() {
        List<String> out = new ArrayList<>(driver.calls);
        out.removeIf("isAlive"::equals);
        return out;
    }

    /** The real driver, its connections recording the name of every call they get. */
    private static final class RecordingDriver implements HypervisorDriver {
        final List<String> calls = new CopyOnWriteArrayList<>();
        private final HypervisorDriver real;

        RecordingDriver(HypervisorDriver real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
            return real.open(uri, flags).map(this::recording);
        }

        @Override
        public Optional<DriverConnection> open(ConnectUri uri, ConnectAuth auth, int flags) throws VirtException {
            return real.open(uri, auth, flags).map(this::recording);
        }

        private DriverConnection recording(DriverConnection c) {
            return (DriverConnection) Proxy.newProxyInstance(DriverConnection.class.getClassLoader(),
                    new Class<?>[] {DriverConnection.class}, (proxy, method, args) -> {
                        calls.add(method.getName());
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
