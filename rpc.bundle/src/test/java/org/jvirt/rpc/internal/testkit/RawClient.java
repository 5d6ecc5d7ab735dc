package org.jvirt.rpc.internal.testkit;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;

/** A deliberately dumb TCP client that sends whatever bytes a test wants. */
public final class RawClient implements AutoCloseable {
    public final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void call(int prog, int proc, int serial, byte[] payload) throws IOException {
        send(new Message(prog, Programs.REMOTE_VERSION, proc, MessageType.CALL, serial, 0, payload).encode());
    }

    public Message read() throws IOException, Frames.FrameException {
        return Frames.read(in::readFully);
    }

    /** True when the server closed the connection within the socket timeout. */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;    // reset by peer
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
