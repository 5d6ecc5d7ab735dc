package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.time.Duration;

import org.jvirt.api.ConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the libvirt RPC server while configuration {@code org.jvirt.rpc} exists: without it jvirt
 * opens no sockets. A configuration change restarts the server (clients reconnect, as after a
 * libvirtd restart).
 * <p>
 * The core is bound dynamically and optionally: when it is updated or restarted the server and
 * its clients stay, calls wait for the new core (at most {@code core.wait.seconds}) and the
 * clients' connections are reopened on it (see {@link SessionConnection}).
 */
@Component(configurationPid = "org.jvirt.rpc", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = RpcServerConfig.class)
public final class RpcServerComponent {
    private final CoreLink core;
    private final RpcServer server;

    @Activate
    public RpcServerComponent(RpcServerConfig config) throws IOException {
        // DS binds the core right after construction; a client that comes first waits for it
        this.core = new CoreLink(Duration.ofSeconds(Math.max(0, config.core_wait_seconds())));
        this.server = new RpcServer(core, ServerSettings.of(config));
        server.start();
    }

    /** Without OSGi (tests): a server on {@code core}. */
    RpcServerComponent(ConnectionFactory core, RpcServerConfig config) throws IOException {
        this(config);
        bindCore(core);
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
