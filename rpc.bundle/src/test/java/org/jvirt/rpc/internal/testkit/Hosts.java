package org.jvirt.rpc.internal.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.network.internal.NetworkConfComponent;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.NetworkHypervisorDriver;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.secret.internal.SecretDriverComponent;
import org.jvirt.secret.internal.SecretHypervisorDriver;
import org.jvirt.storage.internal.StorageConfComponent;
import org.jvirt.storage.internal.StorageDriverComponent;
import org.jvirt.storage.internal.StorageHypervisorDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * What the end-to-end tests serve: the core's real connection factory around the real test driver
 * (libvirt's test:///default: domain "test", running, ID 1, network "default" and pool "default-pool"),
 * its state in a fresh directory.
 */
public final class Hosts {
    private Hosts() {
    }

    public static ConnectionFactory testDefault(Path stateDir) throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        // as in jvirtd, where the network and storage bundles give the test driver their XML
        core.addDriver(new TestDriver(new FileStateStore(stateDir), codec, new NetworkConfComponent(codec),
                        new StorageConfComponent(codec)),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        return core;
    }

    /**
     * The test driver, {@code secret:///system} ({@code /session} for other users than root) and the
     * real secret driver, its records in {@code stateDir} and its master key in {@code keyFile}.
     */
    public static CoreConnectionFactory withSecrets(Path stateDir, Path keyFile) throws VirtException {
        CoreConnectionFactory core = (CoreConnectionFactory) testDefault(stateDir.resolve("test"));
        core.addDriver(new SecretHypervisorDriver(), Map.of(HypervisorDriver.SCHEMES, new String[] {"secret"}));
        core.bindSecretDriver(new SecretDriverComponent(new FileStateStore(stateDir.resolve("secrets")),
                new DomainXmlCodecImpl(), keyFile));
        return core;
    }

    /**
     * The test driver, {@code storage:///system} ({@code /session} for other users than root) and the
     * real storage driver, its records in {@code stateDir}.
     */
    public static CoreConnectionFactory withStorage(Path stateDir) throws VirtException {
        CoreConnectionFactory core = (CoreConnectionFactory) testDefault(stateDir.resolve("test"));
        core.addDriver(new StorageHypervisorDriver(), Map.of(HypervisorDriver.SCHEMES, new String[] {"storage"}));
        core.bindStorageDriver(new StorageDriverComponent(new FileStateStore(stateDir.resolve("storage")),
                new DomainXmlCodecImpl(), "qemu-img"));
        return core;
    }

    /** The URI of the storage driver for this process: {@code storage:///system} as root. */
    public static String storageUri(Path socket) {
        return "storage:///" + (HostDirectories.isRoot() ? "system" : "session") + "?socket=" + socket;
    }

    /** The URI of the secret driver for this process: {@code secret:///system} as root. */
    public static String secretUri(Path socket) {
        return "secret:///" + (HostDirectories.isRoot() ? "system" : "session") + "?socket=" + socket;
    }

    /**
     * The test driver, {@code network:///system} ({@code /session} for other users) and the real
     * network driver, its records in {@code stateDir}, dnsmasq's files in {@code runtimeDir}, its host
     * commands run with {@code prefix} (a test's network namespace: {@code ip netns exec NS}).
     */
    public static CoreConnectionFactory withNetworks(Path stateDir, Path runtimeDir, List<String> prefix)
            throws VirtException {
        CoreConnectionFactory core = (CoreConnectionFactory) testDefault(stateDir.resolve("test"));
        core.addDriver(new NetworkHypervisorDriver(), Map.of(HypervisorDriver.SCHEMES, new String[] {"network"}));
        core.bindNetworkDriver(new NetworkDriverComponent(new FileStateStore(stateDir.resolve("networks")),
                new DomainXmlCodecImpl(), runtimeDir, new CommandRunner(prefix), "dnsmasq"));
        return core;
    }

    /** The URI of the network driver for this process: {@code network:///system} as root. */
    public static String networkUri(Path socket) {
        return "network:///" + (HostDirectories.isRoot() ? "system" : "session") + "?socket=" + socket;
    }
}
