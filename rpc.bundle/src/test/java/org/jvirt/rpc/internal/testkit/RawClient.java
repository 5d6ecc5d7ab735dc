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
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

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

    /** A CALL of the remote program, encoded. */
    public static byte[] callFrame(int proc, int serial, byte[] args) {
        return new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.CALL, serial, 0, args).encode();
    }

    /** CONNECT_OPEN of test:///default as serial 1; fails unless the reply is OK. */
    public void openTestDefault() throws IOException, Frames.FrameException {
        send(callFrame(RemoteProc.CONNECT_OPEN, 1, new XdrWriter().writeOptString("test:///default").writeInt(0).toByteArray()));
        Message reply = read();
        if (reply.status() != MessageType.STATUS_OK) {
            throw new IOException("CONNECT_OPEN answered status " + reply.status());
        }
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
