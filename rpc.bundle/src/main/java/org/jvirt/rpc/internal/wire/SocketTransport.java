package org.jvirt.rpc.internal.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import javax.net.ssl.SSLSocket;

/** A classic socket (TLS): its input and output streams are independent, unlike channel streams. */
public final class SocketTransport implements Transport {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final boolean secure;
    private final String peer;

    public SocketTransport(Socket socket, boolean secure, String peer) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.secure = secure;
        this.peer = peer;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        in.readFully(b, off, len);
    }

    @Override
    public void write(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String tlsProtocol() {
        return socket instanceof SSLSocket s ? s.getSession().getProtocol() : null;
    }

    @Override
    public String describe() {
        return peer;
    }
}
