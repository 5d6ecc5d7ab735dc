package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.spi.HostDirectories;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the libvirt RPC server, as libvirtd does, on its UNIX sockets {@code libvirt-sock}
 * (read-write, 0700) and {@code libvirt-sock-ro} (read-only, 0777) in the run directory
 * ({@link HostDirectories}), with or without configuration {@code org.jvirt.rpc}; TCP and TLS
 * listen only when configured. A configuration change restarts the server (clients reconnect, as
 * after a libvirtd restart).
 * <p>
 * The core is bound dynamically and optionally: when it is updated or restarted the server and
 * its clients stay, calls wait for the new core (at most {@code core.wait.seconds}) and the
 * clients' connections are reopened on it (see {@link SessionConnection}).
 */
@Component(configurationPid = "org.jvirt.rpc", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = RpcServerConfig.class)
public final class RpcServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServerComponent.class);
    private final CoreLink core;
    private final RpcServer server;

    /** Framework property naming the sockets' folder when the configuration does not (jvirtd --libvirt-socket). */
    static final String SOCKET_DIR_PROPERTY = "jvirt.rpc.unix.sock.dir";

    @Activate
    public RpcServerComponent(RpcServerConfig config, BundleContext context) throws IOException {
        this(config, defaultSocketDir(context::getProperty));
    }

    private RpcServerComponent(RpcServerConfig config, Path defaultSocketDir) throws IOException {
        // DS binds the core right after construction; a client that comes first waits for it
        this.core = new CoreLink(Duration.ofSeconds(Math.max(0, config.core_wait_seconds())));
        this.server = new RpcServer(core, ServerSettings.of(config, defaultSocketDir));
        try {
            server.start();
        } catch (IOException e) {
            // SCR only logs a failed activation in its own words: say what the daemon cannot do
            LOG.error("jvirtd cannot serve libvirt's RPC: {}", e.getMessage());
            throw e;
        }
    }

    /** Without OSGi (tests): a server on {@code core}, framework properties from {@code properties}. */
    RpcServerComponent(ConnectionFactory core, RpcServerConfig config, UnaryOperator<String> properties)
            throws IOException {
        this(config, defaultSocketDir(properties));
        bindCore(core);
    }

    /** The property {@value #SOCKET_DIR_PROPERTY}, else the host's run directory. */
    static Path defaultSocketDir(UnaryOperator<String> properties) {
        String dir = properties.apply(SOCKET_DIR_PROPERTY);
        return dir != null && !dir.isBlank() ? Path.of(dir.trim())
                : HostDirectories.ofThisProcess(properties).run();
    }

    @Reference(name = "core", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindCore")
    void bindCore(ConnectionFactory factory) {
        core.bind(factory);
    }

    void unbindCore(ConnectionFactory factory) {
        core.unbind(factory);
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
