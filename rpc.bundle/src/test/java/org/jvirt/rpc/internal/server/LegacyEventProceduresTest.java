package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Libvirtd;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.junit.jupiter.api.Test;

/**
 * The event registrations of clients older than the REMOTE_EVENT_CALLBACK feature (libvirt
 * before 1.2.1): CONNECT_DOMAIN_EVENT_REGISTER/DEREGISTER (105/106, lifecycle events as
 * DOMAIN_EVENT_LIFECYCLE 107) and CONNECT_DOMAIN_EVENT_REGISTER_ANY/DEREGISTER_ANY (167/168, per
 * event ID: lifecycle as 107, reboot as DOMAIN_EVENT_REBOOT 169), mixed with a modern callback.
 * One scenario of raw calls goes to libvirtd 9.0 and to jvirtd (both on test:///default); every
 * reply (status, answer or error code, domain and message) and the events each step brings must
 * be the same.
 */
class LegacyEventProceduresTest {
    /** How long a step waits for the events it caused, after its reply. */
    private static final int EVENT_WAIT_MS = 400;

    @Test
    void jvirtdServesTheLegacyRegistrationsAsLibvirtd() throws Exception {
        assumeTrue(Libvirtd.available(), "libvirtd is not installed");
        List<String> theirs;
        List<String> ours;
        try (Libvirtd libvirtd = new Libvirtd()) {
            theirs = run(new InetSocketAddress("127.0.0.1", libvirtd.tcpPort));
        }
        try (Jvirtd jvirtd = new Jvirtd()) {
            ours = run(jvirtd.tcp);
        }
        System.out.println("legacy event registrations, libvirtd 9.0:\n  " + String.join("\n  ", theirs));
        assertEquals(String.join("\n", theirs), String.join("\n", ours));
    }

    private static List<String> run(InetSocketAddress address) throws Exception {
        List<String> out = new ArrayList<>();
        try (RawClient c = new RawClient(address)) {
            c.openTestDefault();
            Steps s = new Steps(c, out);
            byte[] test = s.lookup("test");
            s.call("register", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER, new byte[0], true);
            s.call("register again", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER, new byte[0], true);
            s.call("any lifecycle", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(0), true);
            s.call("any reboot", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(1), true);
            s.call("any reboot again", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(1), true);
            s.call("any device-removed", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(15), true);
            s.call("any 16", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(16), true);
            s.call("any -1", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(-1), true);
            s.call("suspend", RemoteProc.DOMAIN_SUSPEND, test, false);
            s.call("resume", RemoteProc.DOMAIN_RESUME, test, false);
            s.call("callback lifecycle", RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new XdrWriter().writeInt(0).writeInt(0).toByteArray(), true);
            s.call("suspend with callback", RemoteProc.DOMAIN_SUSPEND, test, false);
            s.call("deregister any reboot", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(1), true);
            s.call("deregister any reboot again", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(1), true);
            s.call("deregister any 16", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(16), true);
            s.call("deregister any 2", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(2), true);
            s.call("deregister", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER, new byte[0], true);
            s.call("resume after deregister", RemoteProc.DOMAIN_RESUME, test, false);
            s.call("deregister again", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER, new byte[0], true);
            s.call("deregister a third time", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER, new byte[0], true);
            s.call("deregister any lifecycle", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(0), true);
            s.call("deregister any lifecycle again", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(0), true);
            s.call("suspend at the end", RemoteProc.DOMAIN_SUSPEND, test, false);
            // a modern callback first: the legacy registrations of its event ID are refused
            s.call("callback lifecycle at last", RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new XdrWriter().writeInt(0).writeInt(0).toByteArray(), true);
            s.call("register over a callback", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER, new byte[0], true);
            s.call("deregister any over a callback", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, eventId(0), true);
            s.call("deregister over a callback", RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER, new byte[0], true);
            s.call("any reboot at last", RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, eventId(1), true);
            s.call("reboot", RemoteProc.DOMAIN_REBOOT, concat(test, eventId(0)), false);
            s.call("resume at the end", RemoteProc.DOMAIN_RESUME, test, false);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] eventId(int id) {
        return new XdrWriter().writeInt(id).toByteArray();
    }


    /** Sends calls one at a time and records each reply and the events that arrive with it. */
    private static final class Steps {
        private final RawClient client;
        private final List<String> out;
        private int serial = 10;

        Steps(RawClient client, List<String> out) {
            this.client = client;
            this.out = out;
        }

        /** The remote_nonnull_domain of the domain named {@code name}, as the server gives it. */
        byte[] lookup(String name) throws Exception {
            int mine = ++serial;
            client.call(Programs.REMOTE, RemoteProc.DOMAIN_LOOKUP_BY_NAME, mine,
                    new XdrWriter().writeString(name).toByteArray());
            while (true) {
                Message m = client.read();
                if (m.type() == MessageType.REPLY && m.serial() == mine) {
                    return m.payload();
                }
            }
        }

        void call(String name, int proc, byte[] args, boolean showAnswer) throws Exception {
            int mine = ++serial;
            client.call(Programs.REMOTE, proc, mine, args);
            List<String> events = new ArrayList<>();
            String reply = null;
            client.socket.setSoTimeout(10_000);
            while (reply == null) {
                Message m = client.read();
                if (m.type() == MessageType.REPLY && m.serial() == mine) {
                    reply = describeReply(m, showAnswer);
                } else if (m.type() == MessageType.MESSAGE) {
                    events.add(describeEvent(m));
                }
            }
            client.socket.setSoTimeout(EVENT_WAIT_MS);
            try {
                while (true) {
                    Message m = client.read();
                    if (m.type() == MessageType.MESSAGE) {
                        events.add(describeEvent(m));
                    }
                }
            } catch (SocketTimeoutException e) {
                // no more events for this step
            }
            events.sort(null);
            out.add(name + ": " + reply + (events.isEmpty() ? "" : " " + events));
        }

        private static String describeReply(Message m, boolean showAnswer) throws Exception {
            XdrReader r = m.payloadReader();
            if (m.status() == MessageType.STATUS_ERROR) {
                RemoteError e = RemoteError.decode(r);
                return "error " + e.code() + "/" + e.domain() + " " + e.message();
            }
            if (!showAnswer || r.remaining() == 0) {
                return "ok";
            }
            List<Integer> ints = new ArrayList<>();
            while (r.remaining() >= 4) {
                ints.add(r.readInt());
            }
            return "ok " + ints;
        }

        private static String describeEvent(Message m) throws IOException, Frames.FrameException {
            try {
                XdrReader r = m.payloadReader();
                return switch (m.proc()) {
                    case RemoteProc.DOMAIN_EVENT_LIFECYCLE -> "lifecycle " + WireDomain.read(r).name() + " "
                            + r.readInt() + "/" + r.readInt();
                    case RemoteProc.DOMAIN_EVENT_REBOOT -> "reboot " + WireDomain.read(r).name();
                    case RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE -> "callback lifecycle #" + r.readInt() + " "
                            + WireDomain.read(r).name() + " " + r.readInt() + "/" + r.readInt();
                    default -> "proc " + m.proc();
                };
            } catch (RuntimeException | XdrException e) {
                return "undecodable proc " + m.proc() + ": " + e;
            }
        }
    }
}
