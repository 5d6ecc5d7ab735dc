package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.jvirt.rpc.internal.wire.ChannelTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts clients on a UNIX socket (file permissions control who may connect) or plain TCP. */
final class ChannelListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    /** What moves the UNIX sockets, for errors about their paths. */
    static final String SOCKET_SETTINGS = "unix.sock.dir (PID org.jvirt.rpc) or jvirtd --run-dir (without --libvirt-socket)";

    private final RpcServer server;
    private final ServerSocketChannel channel;
    private final boolean readOnly;
    private final boolean unix;
    private final Path socketPath;
    private final Thread acceptor;

    private ChannelListener(RpcServer server, ServerSocketChannel channel, boolean readOnly, Path socketPath) {
        this.server = server;
        this.channel = channel;
        this.readOnly = readOnly;
        this.unix = socketPath != null;
        this.socketPath = socketPath;
        this.acceptor = new Thread(this::acceptLoop, "jvirt-rpc-accept " + describe());
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds a UNIX socket at {@code path} with {@code perms} (octal, e.g. {@code 0700}), born with
     * that mode ({@link UnixSocketFiles}); a stale socket of an earlier run is replaced, a live one
     * refused. {@code backlog} is max_queued_clients.
     */
    static ChannelListener unix(RpcServer server, Path path, String perms, boolean readOnly, int backlog)
            throws IOException {
        ServerSocketChannel ch = UnixSocketFiles.bind(path, permissions(perms), backlog, SOCKET_SETTINGS);
        return new ChannelListener(server, ch, readOnly, path);
    }

    static ChannelListener tcp(RpcServer server, String address, int port, int backlog) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(new InetSocketAddress(address, port), backlog);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new ChannelListener(server, ch, false, null);
    }

    static Set<PosixFilePermission> permissions(String octal) {
        int mode = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                out.add(order[i]);
            }
        }
        return out;
    }

    void start() {
        acceptor.start();
        LOG.info("listening on {}", describe());
    }

    SocketAddress address() throws IOException {
        return channel.getLocalAddress();
    }

    private void acceptLoop() {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                if (!unix) {
                    // small replies must not wait for the client's delayed ACK (libvirt does the same)
                    client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                String peer = unix ? "unix:" + socketPath.getFileName() + "#" + client.hashCode()
                        : String.valueOf(client.getRemoteAddress());
                server.accept(new ChannelTransport(client, unix, peer), readOnly);
            } catch (IOException e) {
                if (channel.isOpen()) {
                    LOG.warn("accept on {} failed: {}", describe(), e.toString());
                }
            } catch (RuntimeException | Error e) {
                // e.g. no thread for the client: that client is lost, the listener must not be
                LOG.error("accepting a client on {} failed", describe(), e);
            }
        }
    }

    String describe() {
        if (unix) {
            // the channel was bound under a temporary name and renamed: name the path clients use
            return (readOnly ? "ro " : "") + socketPath;
        }
        try {
            return (readOnly ? "ro " : "") + channel.getLocalAddress();
        } catch (IOException e) {
            return "closed listener";
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            acceptor.join(2000);
        } catch (IOException e) {
            LOG.debug("closing {}: {}", socketPath, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (socketPath != null) {
            try {
                Files.deleteIfExists(socketPath);
            } catch (IOException e) {
                LOG.debug("removing {}: {}", socketPath, e.toString());
            }
        }
    }
}
