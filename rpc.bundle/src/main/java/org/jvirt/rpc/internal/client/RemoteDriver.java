package org.jvirt.rpc.internal.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.rpc.internal.client.AuthFile.Credentials;
import org.jvirt.rpc.internal.wire.LayeredTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The remote driver: URIs with a transport or a host ({@code test+tcp://127.0.0.1/default},
 * {@code qemu+unix:///system?socket=PATH}, {@code qemu+tls://host/system}) are served by a jvirtd or
 * libvirtd at the other end of libvirt's RPC protocol. The core routes such URIs to the scheme
 * {@code remote}.
 */
@Component(service = HypervisorDriver.class, configurationPid = "org.jvirt.rpc.remote",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DriverSchemes("remote")
@Designate(ocd = RemoteConfig.class)
public final class RemoteDriver implements HypervisorDriver {
    /** Query parameters that configure the transport; they are not sent to the server. */
    private static final Set<String> TRANSPORT_PARAMS = Set.of("name", "command", "socket", "auth", "netcat",
            "keyfile", "no_verify", "no_tty", "pkipath", "known_hosts", "known_hosts_verify", "sshauth",
            "tls_priority", "mode", "proxy", "authfile");

    private final RemoteSettings settings;

    @Activate
    public RemoteDriver(RemoteConfig config) {
        this(RemoteSettings.of(config));
    }

    public RemoteDriver(RemoteSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!uri.isRemote()) {
            return Optional.empty();
        }
        // a SASL security layer, when authentication negotiates one, goes between client and socket
        LayeredTransport transport = new LayeredTransport(new Transports(settings).open(uri, flags));
        RpcClient client = new RpcClient(transport, settings.callTimeoutMillis());
        String host = uri.host() == null || uri.host().isEmpty() ? "localhost" : uri.host();
        try {
            return Optional.of(RemoteDriverConnection.handshake(client, remoteName(uri), flags,
                    rpc -> new SaslClientHandshake(rpc, transport, host, credentials(uri, host)).run()));
        } catch (VirtException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The SASL credentials for {@code host} from libvirt's auth.conf, found as libvirt finds it. */
    private static Credentials credentials(ConnectUri uri, String host) throws VirtException {
        Optional<Path> file = AuthFile.locate(uri.params().get("authfile"), System.getenv());
        if (file.isEmpty()) {
            return new Credentials(null, null);
        }
        try {
            return AuthFile.read(file.get()).lookup(host);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                    "cannot read authentication file " + file.get() + ": " + e.getMessage());
        }
    }

    /** What the server opens: the URI without transport, host and transport parameters. */
    static String remoteName(ConnectUri uri) {
        String explicit = uri.params().get("name");
        if (explicit != null) {
            return explicit;
        }
        Map<String, String> params = new LinkedHashMap<>(uri.params());
        params.keySet().removeAll(TRANSPORT_PARAMS);
        return new ConnectUri(uri.driver(), null, null, null, -1, uri.path(), params).toString();
    }
}
