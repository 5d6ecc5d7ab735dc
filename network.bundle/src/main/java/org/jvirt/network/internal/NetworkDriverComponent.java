package org.jvirt.network.internal;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.network.internal.conf.NetworkPortXml;
import org.jvirt.network.internal.conf.NetworkXmlParser;
import org.jvirt.network.internal.host.CommandRunner;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's network driver service, shared by every hypervisor driver that uses networks (libvirt's
 * shared secondary network driver). Definitions live in the core's state store; running networks
 * are bridges, nftables tables and dnsmasq processes on the host, found again after a restart or an
 * update of this bundle, and never stopped by it: only destroy stops a network.
 */
@Component(service = NetworkDriver.class, configurationPid = NetworkConfig.PID)
@Designate(ocd = NetworkConfig.class)
public final class NetworkDriverComponent implements NetworkDriver {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkDriverComponent.class);

    private final NetworkService service;
    private final Path runtimeDir;
    private Thread autostarter;

    @Activate
    public NetworkDriverComponent(@Reference(name = "store") StateStore store,
                                  @Reference(name = "codec") DomainXmlCodec codec,
                                  NetworkConfig config, BundleContext context) throws VirtException {
        this(store, codec, runtimeDir(config, context), CommandRunner.of(config.command_prefix()), config.dnsmasq());
        if (config.autostart()) {
            // @Activate stays quick: starting networks runs commands
            autostarter = new Thread(service::autostart, "jvirt-network-autostart");
            autostarter.setDaemon(true);
            autostarter.start();
        }
    }

    /** For use without OSGi: runtime files in {@code runtimeDir}, host commands through {@code commands}. */
    public NetworkDriverComponent(StateStore store, DomainXmlCodec codec, Path runtimeDir, CommandRunner commands,
                                  String dnsmasq) throws VirtException {
        this.runtimeDir = runtimeDir;
        this.service = new NetworkService(new NetworkXmlParser(codec), new NetworkPortXml(codec),
                new NetworkRecords(store), new NetworkRuntime(runtimeDir, commands, dnsmasq), new SecureRandom()).load();
    }

    @Override
    public NetworkDriverConnection open(int flags) {
        return new NetworkConnection(service);
    }

    /** Starts the autostart networks now (tests; the OSGi component does it on activation). */
    public void autostart() {
        service.autostart();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (autostarter != null) {
            autostarter.join(60_000);
        }
        LOG.info("network driver stopping; running networks stay up");
    }

    @Override
    public String toString() {
        return "NetworkDriver[" + runtimeDir + "]";
    }

    private static Path runtimeDir(NetworkConfig config, BundleContext context) {
        String configured = config.runtime_dir();
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return HostDirectories.ofThisProcess(context::getProperty).run().resolve("network");
    }
}
