package org.jvirt.rpc.internal.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.ChannelTransport;
import org.jvirt.rpc.internal.wire.SocketTransport;
import org.jvirt.rpc.internal.wire.Transport;

/** Opens the byte stream a remote URI asks for: unix, tcp or tls, with libvirt's defaults. */
final class Transports {
    static final int TCP_PORT = 16509;
    static final int TLS_PORT = 16514;

    private final RemoteSettings settings;

    Transports(RemoteSettings settings) {
        this.settings = settings;
    }

    /** libvirt's rule: no transport and a host means TLS; no host means a UNIX socket. */
    static String transportOf(ConnectUri uri) {
        if (uri.transport() != null) {
            return uri.transport();
        }
        return uri.host() == null || uri.host().isEmpty() ? "unix" : "tls";
    }

    Transport open(ConnectUri uri, int flags) throws VirtException {
        String transport = transportOf(uri);
        String host = uri.host() == null || uri.host().isEmpty() ? "localhost" : uri.host();
        switch (transport) {
            case "unix": {
                String socket = uri.params().get("socket");
                if (socket == null) {
                    socket = settings.defaultSocket() + ((flags & OpenFlag.READ_ONLY.bit()) != 0 ? "-ro" : "");
                }
                try {
                    SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    return new ChannelTransport(ch, true, "unix:" + socket);
                } catch (IOException e) {
                    throw system("Failed to connect socket to '" + socket + "': " + e.getMessage());
                }
            }
            case "tcp": {
                int port = uri.port() > 0 ? uri.port() : TCP_PORT;
                try {
                    SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
                    ch.socket().setTcpNoDelay(true);
                    return new ChannelTransport(ch, false, host + ":" + port);
                } catch (IOException e) {
                    throw system("unable to connect to server at '" + host + ":" + port + "': " + e.getMessage());
                }
            }
            case "tls": {
                int port = uri.port() > 0 ? uri.port() : TLS_PORT;
                try {
                    SSLSocket s = (SSLSocket) tlsContext().getSocketFactory().createSocket();
                    s.connect(new InetSocketAddress(host, port), 30_000);
                    s.setTcpNoDelay(true);
                    if (!"1".equals(uri.params().get("no_verify"))) {
                        SSLParameters p = s.getSSLParameters();
                        p.setEndpointIdentificationAlgorithm("HTTPS");   // check the host name
                        s.setSSLParameters(p);
                    }
                    s.startHandshake();
                    s.setSoTimeout(30_000);
                    int confirmation = s.getInputStream().read();
                    s.setSoTimeout(0);
                    if (confirmation != 1) {
                        s.close();
                        throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                                "server verification (of our certificate or IP address) failed");
                    }
                    return new SocketTransport(s, true, "tls:" + host + ":" + port);
                } catch (IOException e) {
                    throw system("unable to connect with TLS to '" + host + ":" + port + "': " + e.getMessage());
                } catch (GeneralSecurityException e) {
                    throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "TLS setup: " + e.getMessage());
                }
            }
            default:
                throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.REMOTE,
                        "transport '" + transport + "' (jvirt speaks unix, tcp and tls)");
        }
    }

    private SSLContext tlsContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = null;
        if (settings.keystore() != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(settings.keystore(), settings.keystorePassword()), settings.keystorePassword());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(settings.truststore() == null ? null : load(settings.truststore(), settings.truststorePassword()));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path p, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static VirtException system(String message) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC, message);
    }
}
