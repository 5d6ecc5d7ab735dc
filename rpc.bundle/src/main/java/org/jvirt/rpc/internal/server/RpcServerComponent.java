package org.jvirt.rpc.internal.server;

import java.io.IOException;

import org.jvirt.api.ConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the libvirt RPC server while configuration {@code org.jvirt.rpc} exists: without it jvirt
 * opens no sockets. A configuration change restarts the server (clients reconnect, as after a
 * libvirtd restart).
 */
@Component(configurationPid = "org.jvirt.rpc", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = RpcServerConfig.class)
public final class RpcServerComponent {
    private final RpcServer server;

    @Activate
    public RpcServerComponent(@Reference ConnectionFactory connections, RpcServerConfig config) throws IOException {
        this.server = new RpcServer(connections, ServerSettings.of(config));
        server.start();
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
