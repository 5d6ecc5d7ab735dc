package org.jvirt.rpc.internal.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jvirt.rpc.internal.dispatch.Access;
import org.jvirt.rpc.internal.dispatch.Procedure;
import org.jvirt.rpc.internal.dispatch.ProcedureTable;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteProc;

/**
 * The cases of the wire differential: for every procedure jvirtd serves, the well-formed call and
 * its {@link Mutations}; the handshake calls with every argument a client sends (each feature
 * number, each event ID, before and after CONNECT_OPEN); keepalive pings.
 */
final class WireCases {
    /** One case: its name, whether it opens the host first, whether the answer's bytes count, the frames. */
    record Case(String name, boolean open, boolean showAnswer, byte[]... frames) {
        /** Header cases are often not answered at all: waiting long for them would only cost time. */
        int waitMillis() {
            return name.startsWith("HEADER ") ? 1000 : 3000;
        }
    }

    /** Procedures whose answers (not only their outcome) must equal libvirtd's: what clients read on connecting. */
    private static final Set<Integer> ANSWERS = Set.of(RemoteProc.AUTH_LIST, RemoteProc.CONNECT_SUPPORTS_FEATURE,
            RemoteProc.CONNECT_GET_URI, RemoteProc.CONNECT_REGISTER_CLOSE_CALLBACK,
            RemoteProc.CONNECT_UNREGISTER_CLOSE_CALLBACK, RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
            RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, RemoteProc.CONNECT_GET_TYPE,
            RemoteProc.CONNECT_IS_SECURE);
    private static final int LAST_FEATURE = 20;
    private static final int LAST_EVENT_ID = 27;

    private final XdrSpec spec;
    private final String uri;

    WireCases(XdrSpec spec, String uri) {
        this.spec = spec;
        this.uri = uri;
    }

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        ProcedureTable table = ProcedureTable.standard();
        Map<String, Long> procs = spec.enumValues("remote_procedure");
        procs.forEach((constant, number) -> table.find(number.intValue())
                .ifPresent(p -> cases.addAll(ofProcedure(constant.substring("REMOTE_PROC_".length()), p))));
        cases.addAll(handshake());
        return cases;
    }

    private List<Case> ofProcedure(String name, Procedure p) {
        List<Case> cases = new ArrayList<>();
        boolean open = !p.access().beforeOpen();
        boolean show = ANSWERS.contains(p.number());
        String struct = "remote_" + name.toLowerCase(Locale.ROOT) + "_args";
        ArgsEncoder enc = new ArgsEncoder(spec, new WellFormed(name, uri, Map.of()));
        if (spec.struct(struct) != null) {
            enc.struct(struct, "");
        }
        byte[] args = enc.bytes();
        cases.add(new Case(name + " well-formed", open, show, Peer.call(p.number(), args)));
        Mutations.of(args, enc.slots()).forEach((m, bytes) ->
                cases.add(new Case(name + " " + m, open, show, Peer.call(p.number(), bytes))));
        if (p.access() == Access.AUTH || p.access() == Access.BEFORE_OPEN) {
            if (!name.equals("CONNECT_OPEN") && !name.equals("CONNECT_CLOSE")) {
                cases.add(new Case(name + " after-open", true, show, Peer.call(p.number(), args)));
            }
        } else {
            cases.add(new Case(name + " before-open", false, show, Peer.call(p.number(), args)));
        }
        return cases;
    }

    /**
     * The header's enums and numbers out of range, on CONNECT_GET_TYPE after CONNECT_OPEN: the
     * message type and status (enums), the program, its version and the procedure.
     */
    private static List<Case> header() {
        List<Case> cases = new ArrayList<>();
        int[] types = {MessageType.REPLY, MessageType.MESSAGE, MessageType.STREAM, MessageType.REPLY_WITH_FDS,
            MessageType.STREAM_HOLE, 7, 0x01000000, 0xffffffff};
        for (int type : types) {
            cases.add(header("type=" + Integer.toUnsignedString(type), Programs.REMOTE, Programs.REMOTE_VERSION,
                    RemoteProc.CONNECT_GET_TYPE, type, MessageType.STATUS_OK));
        }
        for (int status : new int[] {MessageType.STATUS_ERROR, MessageType.STATUS_CONTINUE, 3, 0xffffffff}) {
            cases.add(header("status=" + Integer.toUnsignedString(status), Programs.REMOTE, Programs.REMOTE_VERSION,
                    RemoteProc.CONNECT_GET_TYPE, MessageType.CALL, status));
        }
        cases.add(header("vers=2", Programs.REMOTE, 2, RemoteProc.CONNECT_GET_TYPE, MessageType.CALL, 0));
        cases.add(header("prog=0x20008088", 0x20008088, 1, RemoteProc.CONNECT_GET_TYPE, MessageType.CALL, 0));
        for (int proc : new int[] {0, -1, 454, 9999, 0x01000000, RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE}) {
            cases.add(header("proc=" + Integer.toUnsignedString(proc), Programs.REMOTE, Programs.REMOTE_VERSION,
                    proc, MessageType.CALL, 0));
        }
        return cases;
    }

    private static Case header(String what, int prog, int vers, int proc, int type, int status) {
        byte[] frame = new Message(prog, vers, proc, type, Peer.SERIAL, status, new byte[0]).encode();
        return new Case("HEADER " + what, true, false, frame);
    }

    /** What clients send on connecting, with every argument value a client may send. */
    private List<Case> handshake() {
        List<Case> cases = new ArrayList<>();
        for (int f = -1; f <= LAST_FEATURE; f++) {
            byte[] args = new ArgsEncoder(spec, new WellFormed("CONNECT_SUPPORTS_FEATURE", uri, Map.of("feature", (long) f)))
                    .struct("remote_connect_supports_feature_args", "").bytes();
            cases.add(new Case("CONNECT_SUPPORTS_FEATURE feature=" + f + " before-open", false, true,
                    Peer.call(RemoteProc.CONNECT_SUPPORTS_FEATURE, args)));
            cases.add(new Case("CONNECT_SUPPORTS_FEATURE feature=" + f + " after-open", true, true,
                    Peer.call(RemoteProc.CONNECT_SUPPORTS_FEATURE, args)));
        }
        for (int id = -1; id <= LAST_EVENT_ID; id++) {
            for (boolean withDomain : new boolean[] {true, false}) {
                WellFormed values = new WellFormed("CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY", uri,
                        Map.of("eventID", (long) id)) {
                    @Override
                    public boolean present(String path) {
                        return withDomain;
                    }
                };
                byte[] args = new ArgsEncoder(spec, values)
                        .struct("remote_connect_domain_event_callback_register_any_args", "").bytes();
                cases.add(new Case("CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY eventID=" + id
                        + (withDomain ? " dom" : " any-domain"), true, true,
                        Peer.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, args)));
            }
        }
        for (int flags : new int[] {0, 1}) {
            byte[] nullName = new ArgsEncoder(spec, new WellFormed("CONNECT_OPEN", uri, Map.of("flags", (long) flags)) {
                @Override
                public boolean present(String path) {
                    return false;
                }
            }).struct("remote_connect_open_args", "").bytes();
            cases.add(new Case("CONNECT_OPEN name=null flags=" + flags, false, false,
                    Peer.call(RemoteProc.CONNECT_OPEN, nullName)));
        }
        byte[] ping = new Message(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PING,
                MessageType.MESSAGE, 0, MessageType.STATUS_OK, new byte[0]).encode();
        byte[] keepalive = new ArgsEncoder(spec, new WellFormed("CONNECT_SUPPORTS_FEATURE", uri, Map.of()))
                .struct("remote_connect_supports_feature_args", "").bytes();
        cases.addAll(header());
        cases.add(new Case("KEEPALIVE ping before-negotiation", false, false, ping));
        cases.add(new Case("KEEPALIVE ping after-negotiation", false, false,
                Peer.call(RemoteProc.CONNECT_SUPPORTS_FEATURE, 3, keepalive), ping));
        cases.add(new Case("KEEPALIVE ping after-open", true, false, ping));
        return cases;
    }
}
