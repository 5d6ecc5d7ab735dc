package org.jvirt.rpc.internal.differential;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HexFormat;

import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * One server under comparison, reached over TCP. Each case runs on a fresh connection (so a case
 * that closes it or changes the host cannot touch the next), and its outcome is reduced to what
 * the issue compares: reply or error (code and domain), and whether the connection is kept.
 */
final class Peer {
    static final int SERIAL = 7;
    private static final int PROBE_SERIAL = 999;

    private final InetSocketAddress address;
    /** The message of the last case's error reply, for the report (not compared: wording may differ). */
    private String lastMessage = "";

    Peer(InetSocketAddress address) {
        this.address = address;
    }

    /**
     * Sends {@code frames} after an optional CONNECT_OPEN of {@code openUri}; the last frame's
     * reply (serial {@value #SERIAL}) is the outcome, followed by whether an AUTH_LIST after it is
     * still answered.
     *
     * @param showAnswer whether a successful reply's payload is part of the outcome
     * @param waitMillis how long to wait for each answer before calling it "no reply"
     */
    String outcome(String openUri, boolean showAnswer, int waitMillis, byte[]... frames) throws IOException {
        lastMessage = "";
        try (Socket s = new Socket()) {
            s.connect(address, 5000);
            s.setSoTimeout(waitMillis);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            if (openUri != null) {
                out.write(call(RemoteProc.CONNECT_OPEN, 1, new XdrWriter().writeOptString(openUri).writeInt(0)
                        .toByteArray()));
                String open = answer(in, 1, false);
                if (!open.equals("ok")) {
                    return "open failed: " + open;
                }
            }
            for (byte[] f : frames) {
                out.write(f);
            }
            out.flush();
            String answer = answer(in, SERIAL, showAnswer);
            if (answer.equals("closed") || answer.equals("no reply")) {
                return answer;
            }
            try {
                out.write(call(RemoteProc.AUTH_LIST, PROBE_SERIAL, new byte[0]));
                out.flush();
            } catch (IOException e) {
                return answer + ", closed";
            }
            String probe = answer(in, PROBE_SERIAL, false);
            return answer + (probe.equals("ok") ? ", kept" : ", " + probe);
        }
    }

    String lastMessage() {
        return lastMessage;
    }

    static byte[] call(int proc, int serial, byte[] args) {
        return new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.CALL, serial, 0, args).encode();
    }

    /** A call as the case sends it: serial {@value #SERIAL}. */
    static byte[] call(int proc, byte[] args) {
        return call(proc, SERIAL, args);
    }

    /** The reply to {@code serial}, skipping events and keepalive messages; "closed" or "no reply". */
    private String answer(DataInputStream in, int serial, boolean showAnswer) {
        try {
            while (true) {
                Message m = Frames.read(in::readFully);
                if (m.prog() == Programs.KEEPALIVE) {
                    if (serial == SERIAL && m.proc() == Programs.KEEPALIVE_PONG) {
                        return "pong";
                    }
                    continue;
                }
                if (m.type() != MessageType.REPLY || m.serial() != serial) {
                    continue;
                }
                if (m.status() == MessageType.STATUS_OK) {
                    return showAnswer ? "ok " + HexFormat.of().formatHex(m.payload(), 0, Math.min(64, m.payload().length))
                            : "ok";
                }
                RemoteError e = RemoteError.decode(m.payloadReader());
                if (serial == SERIAL) {
                    lastMessage = e.message();
                }
                return "error " + e.code() + "/" + e.domain();
            }
        } catch (SocketTimeoutException e) {
            return "no reply";
        } catch (EOFException e) {
            return "closed";
        } catch (IOException e) {
            return "closed";   // reset by the peer
        } catch (Exception e) {
            return "undecodable reply: " + e.getMessage();
        }
    }
}
