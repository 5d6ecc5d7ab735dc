package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.HypervisorDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Updates the core (org.jvirt.core) to its second build, with a higher Bundle-Version, and back
 * and forth between the two builds, while a libvirt client keeps calling jvirt's RPC server over
 * its UNIX socket on a connection opened before. The client is the remote driver's connection taken straight from the registry, so it
 * does not itself go through the core being updated.
 * <p>
 * Shows: no client call fails; the connection, its event callback and a running guest are kept;
 * no other bundle (the API, the drivers, the RPC bundle) is stopped, refreshed or re-wired; the
 * RPC server component is not restarted; the new core serves afterwards. (The drivers' components,
 * which hold the core's codec and state store, are re-activated by SCR, not their bundles:
 * driver.test restores its host from the state store.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreUpdateIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CORE_BSN = "org.jvirt.core";
    private static final String RPC_SERVER = "org.jvirt.rpc.internal.server.RpcServerComponent";
    /** Client calls to see before each update, and again after the last one. */
    private static final long CALLS_PER_VERSION = 300;
    /** Updates, alternating between the upgrade build and the original: odd, so the upgrade serves at the end. */
    private static final int UPDATES = 5;
    private static final String GUEST = "itest-core-update";
    private static final String GUEST_XML = """
            <domain type='test'>
              <name>itest-core-update</name>
              <uuid>5d1e0a2b-7c3f-4e8d-9a61-2b4c6d8e0f13</uuid>
              <memory unit='KiB'>262144</memory>
              <vcpu>1</vcpu>
              <os><type arch='x86_64'>hvm</type></os>
            </domain>
            """;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("coreupdate"), ItestFramework.driverTest(), ItestFramework.rpc());
    }

    /** What must not change about a bundle that is neither updated nor refreshed. */
    private record BundleSnapshot(String name, int state, long lastModified, BundleWiring wiring) {
        static BundleSnapshot of(Bundle b) {
            return new BundleSnapshot(b.getSymbolicName() + " " + b.getVersion(), b.getState(), b.getLastModified(),
                    b.adapt(BundleWiring.class));
        }
    }

    @Test
    public void coreUpdateUnderLoadKeepsConnectionsGuestsAndEveryOtherBundle() throws Exception {
        Bundle core = Osgi.bundle(context, CORE_BSN);
        Version before = core.getVersion();
        File originalJar = ItestFramework.bundleJar(context, ItestFramework.CORE);
        File upgradeJar = ItestFramework.bundleJar(context, ItestFramework.CORE_UPGRADE);
        Version upgrade = Updates.bundleVersion(upgradeJar);
        assertEquals(Updates.bundleVersion(originalJar), before);
        assertTrue("upgrade build " + upgrade + " must be newer than " + before, upgrade.compareTo(before) > 0);

        Path socketDir = Files.createTempDirectory("jvirt-itest-rpc");
        Path socket = socketDir.resolve("libvirt-sock");
        startRpcServer(socket);
        DriverConnection wire = remoteDriver().open(ConnectUri.parse("test+unix:///default?socket=" + socket), 0)
                .orElseThrow(() -> new AssertionError("the remote driver declined " + socket));
        try {
            DomainRef guest = wire.defineXml(GUEST_XML, 0);
            wire.create(guest, 0);
            assertEquals(DomainState.RUNNING, wire.info(guest).state());
            BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
            wire.setEventSink(events::add);

            Map<Long, BundleSnapshot> others = otherBundles(core);
            List<String> otherBundleEvents = Collections.synchronizedList(new ArrayList<>());
            SynchronousBundleListener watcher = event -> {
                if (event.getBundle().getBundleId() != core.getBundleId()) {
                    otherBundleEvents.add(event.getBundle().getSymbolicName() + " " + eventName(event.getType()));
                }
            };
            long rpcServerId = componentId(RPC_SERVER);

            ClientLoop client = ClientLoop.on(wire).start();
            context.addBundleListener(watcher);
            List<Long> swapMillis = new ArrayList<>();
            try {
                for (int i = 1; i <= UPDATES; i++) {
                    File jar = i % 2 == 1 ? upgradeJar : originalJar;
                    Version version = Updates.bundleVersion(jar);
                    long calls = client.calls();
                    Await.until("client calls before update " + i, WAIT, () -> client.calls() >= calls + CALLS_PER_VERSION);
                    long updateStart = System.nanoTime();
                    Updates.update(context, core, jar, WAIT);
                    Await.until("core " + version + "'s ConnectionFactory and a test driver", WAIT,
                            () -> version.equals(coreServiceVersion()) && !Osgi.drivers(context, "test").isEmpty());
                    swapMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - updateStart));
                }
                long calls = client.calls();
                Await.until("client calls after the last update", WAIT, () -> client.calls() >= calls + CALLS_PER_VERSION);
                client.stop();
                System.out.println(UPDATES + " core updates (" + before + " <-> " + upgrade + ") under load over"
                        + " libvirt's RPC: " + client.describe() + "; update + refresh until the new core and its"
                        + " test driver were up, per update: " + swapMillis + " ms");
            } finally {
                context.removeBundleListener(watcher);
                client.stop();
            }
            assertEquals("failed client calls during the core update: " + client.describe(), 0, client.failures());

            // Only the core changed: every other bundle kept its id, state, last-modified and wiring.
            assertEquals(upgrade, core.getVersion());
            assertEquals(Bundle.ACTIVE, core.getState());
            assertEquals("events of other bundles during the update", List.of(), otherBundleEvents);
            assertEquals(others, otherBundles(core));
            assertEquals("the RPC server component was restarted", rpcServerId, componentId(RPC_SERVER));

            // The guest kept running; the connection and its event callback carry on, on the new core.
            assertEquals(DomainState.RUNNING, wire.info(wire.lookupByName(GUEST)).state());
            try (Connection fresh = newCore().open("test:///default", 0)) {
                assertEquals(DomainState.RUNNING, fresh.lookupByName(GUEST).info().state());
            }
            events.clear();
            wire.destroy(guest, 0);
            DomainEvent stopped = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull("no lifecycle event after destroying " + GUEST + " on the new core", stopped);
            assertEquals(guest.uuid(), stopped.uuid());
            assertEquals(DomainEventType.STOPPED, stopped.type());
            wire.undefine(guest, 0);
        } finally {
            wire.close();
            configAdmin.getConfiguration("org.jvirt.rpc", "?").delete();
            Await.until("the RPC server's socket removed", WAIT, () -> !Files.exists(socket));
            Files.delete(socketDir);
        }
    }

    /** Configures the RPC server with one read-write UNIX socket and waits until it listens. */
    private void startRpcServer(Path socket) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("unix.sock.rw.path", socket.toString());
        configAdmin.getConfiguration("org.jvirt.rpc", "?").update(props);
        Await.until("the RPC server's socket " + socket, WAIT, () -> Files.exists(socket));
    }

    /** The remote driver service of the RPC bundle. */
    private HypervisorDriver remoteDriver() {
        List<ServiceReference<HypervisorDriver>> refs = Osgi.drivers(context, HypervisorDriver.REMOTE_SCHEME);
        assertEquals("remote drivers: " + refs, 1, refs.size());
        return context.getService(refs.get(0));
    }

    private ConnectionFactory newCore() {
        ServiceReference<ConnectionFactory> ref = context.getServiceReference(ConnectionFactory.class);
        assertNotNull("no ConnectionFactory service", ref);
        return context.getService(ref);
    }

    /** The version of the bundle registering the ConnectionFactory service now, or null. */
    private Version coreServiceVersion() {
        ServiceReference<ConnectionFactory> ref = context.getServiceReference(ConnectionFactory.class);
        Bundle b = ref == null ? null : ref.getBundle();
        return b == null ? null : b.getVersion();
    }

    private Map<Long, BundleSnapshot> otherBundles(Bundle core) {
        Map<Long, BundleSnapshot> out = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != core.getBundleId()) {
                out.put(b.getBundleId(), BundleSnapshot.of(b));
            }
        }
        return out;
    }

    /** The id of the one active configuration of component {@code name}: a new id means a restart. */
    private long componentId(String name) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.name.equals(name)) {
                List<ComponentConfigurationDTO> configs = List.copyOf(scr.getComponentConfigurationDTOs(d));
                assertEquals("configurations of " + name, 1, configs.size());
                assertEquals("state of " + name, ComponentConfigurationDTO.ACTIVE, configs.get(0).state);
                return configs.get(0).id;
            }
        }
        throw new AssertionError("no component " + name);
    }

    private static String eventName(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            default -> "event " + type;
        };
    }
}
