package org.jvirt.rpc.internal.testkit;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;

/**
 * A loopback TCP relay in front of a daemon's plain TCP port that records the procedure number of
 * every CALL of the remote program a client sends through it: what a client costs on the wire,
 * whatever daemon (jvirtd or libvirtd) answers. Bytes pass unchanged both ways; keepalive and stream
 * messages are not recorded. Closing it closes every relayed connection and its threads end.
 */
public final class ProcedureTap implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress daemon;
    private final List<Integer> calls = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public ProcedureTap(int daemonPort) throws IOException {
        this.daemon = new InetSocketAddress(InetAddress.getLoopbackAddress(), daemonPort);
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        start("tap-accept", this::accept);
    }

    /** The port to connect to instead of the daemon's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The procedures called since the last {@link #clear()}, in order. */
    public List<Integer> calls() {
        return new ArrayList<>(calls);
    }

    public void clear() {
        calls.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(daemon.getAddress(), daemon.getPort());
                sockets.add(client);
                sockets.add(server);
                start("tap-to-daemon", () -> relayCalls(client, server));
                start("tap-to-client", () -> copy(server, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Client to daemon, frame by frame: a frame is a 4-byte length (itself included), then the header. */
    private void relayCalls(Socket from, Socket to) {
        try (DataInputStream in = new DataInputStream(from.getInputStream())) {
            OutputStream out = to.getOutputStream();
            while (true) {
                int length = in.readInt();
                if (length < Frames.LENGTH_BYTES + Frames.HEADER_BYTES || length > Frames.MESSAGE_MAX) {
                    throw new IOException("not a frame: length " + length);
                }
                byte[] frame = new byte[length];
                ByteBuffer.wrap(frame).putInt(length);
                in.readFully(frame, Frames.LENGTH_BYTES, length - Frames.LENGTH_BYTES);
                ByteBuffer header = ByteBuffer.wrap(frame, Frames.LENGTH_BYTES, Frames.HEADER_BYTES);
                int prog = header.getInt();
                header.getInt();
                int proc = header.getInt();
                int type = header.getInt();
                if (prog == Programs.REMOTE && type == MessageType.CALL) {
                    calls.add(proc);
                }
                out.write(frame);
                out.flush();
            }
        } catch (EOFException e) {
            closeQuietly(to);
        } catch (IOException e) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            in.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed: the other follows
        }
        closeQuietly(to);
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
