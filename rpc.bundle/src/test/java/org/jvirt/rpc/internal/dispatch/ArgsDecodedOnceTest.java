package org.jvirt.rpc.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The dispatcher decodes a call's arguments once, in the procedure, and decodes them on their own
 * ({@link ArgShapes}) only when the call fails, so that a payload that does not decode answers
 * libvirtd's "Unable to decode message payload" whatever else failed. That rests on every
 * procedure reading all its arguments before it acts: a procedure that succeeded on a payload
 * libvirtd cannot decode, or changed something before finding it malformed, would break it. Here
 * every served procedure of the remote program gets its well-formed arguments cut short at every
 * word and by one byte, on an open connection of the real core and test driver and on one not yet
 * open: each must answer the decode error, and the host must be as it was.
 */
class ArgsDecodedOnceTest {
    private static final UUID TEST = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
    private final ArgShapes shapes = new ArgShapes();
    private final Dispatcher dispatcher = new Dispatcher(ProcedureTable.standard());
    private Path state;
    private ConnectionFactory core;

    @BeforeEach
    void start() throws Exception {
        state = Files.createTempDirectory("args-once");
        core = Hosts.testDefault(state);
    }

    @AfterEach
    void stop() throws Exception {
        try (Stream<Path> s = Files.walk(state)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void everyCutShortCallAnswersTheDecodeErrorAndChangesNothing() throws Exception {
        String before = host();
        ProcedureTable table = ProcedureTable.standard();
        int procedures = 0;
        int calls = 0;
        for (int proc = 1; proc <= Dispatcher.LAST_PROCEDURE; proc++) {
            List<XdrArg> shape = shapes.of(proc);
            if (shape == null || shape.isEmpty() || table.find(proc).isEmpty()) {
                continue;
            }
            procedures++;
            byte[] args = wellFormed(shape);
            shapes.decode(proc, new XdrReader(args)); // the generator's arguments decode
            int p = proc;
            for (byte[] cut : cuts(args)) {
                assertThrows(XdrException.class, () -> shapes.decode(p, new XdrReader(cut)), "a cut decodes");
                assertDecodeError(proc, cut, true);
                assertDecodeError(proc, cut, false);
                calls += 2;
            }
        }
        assertTrue(procedures > 150, "served procedures with arguments: " + procedures);
        assertTrue(calls > procedures * 4, "calls made: " + calls);
        assertEquals(before, host(), "no cut-short call changed the host");
    }

    private void assertDecodeError(int proc, byte[] payload, boolean open) throws Exception {
        FuzzClient client = new FuzzClient(core);
        try {
            if (open) {
                client.open("test:///default", 0);
            }
            Message call = new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.CALL, 7,
                    MessageType.STATUS_OK, payload);
            Message reply = dispatcher.dispatch(client, call);
            String what = "procedure " + proc + " with " + payload.length + " bytes"
                    + (open ? "" : " before CONNECT_OPEN");
            assertEquals(MessageType.STATUS_ERROR, reply.status(), what + " succeeded");
            RemoteError error = RemoteError.decode(reply.payloadReader());
            assertEquals(ErrorCode.RPC.number(), error.code(), what + ": " + error.message());
            assertTrue(error.message().contains("Unable to decode message payload"), what + ": " + error.message());
        } finally {
            client.closeConnection();
        }
    }

    /** The arguments cut before every word, and by one byte. */
    private static List<byte[]> cuts(byte[] args) {
        List<byte[]> out = new ArrayList<>();
        for (int len = 0; len < args.length; len += 4) {
            out.add(Arrays.copyOf(args, len));
        }
        out.add(Arrays.copyOf(args, args.length - 1));
        return out;
    }

    /** What the host holds: domains with their states, networks and pools. */
    private String host() throws Exception {
        try (Connection c = core.open("test:///default", 0)) {
            StringBuilder b = new StringBuilder();
            for (Domain d : c.listAllDomains(0)) {
                b.append(d.name()).append(' ').append(d.state().state()).append(' ').append(d.autostart()).append('\n');
            }
            c.listAllNetworks(0).forEach(n -> b.append("net ").append(n.name()).append('\n'));
            c.listAllStoragePools(0).forEach(p -> b.append("pool ").append(p.name()).append('\n'));
            return b.toString();
        }
    }

    /** A well-formed value of each argument, naming the test host's objects where there are some. */
    private static byte[] wellFormed(List<XdrArg> shape) {
        XdrWriter w = new XdrWriter();
        for (XdrArg a : shape) {
            write(w, a);
        }
        return w.toByteArray();
    }

    /**
     * A switch expression without default: a new kind of argument does not compile here until it has a
     * well-formed value (a switch statement let one through to fail only at run time).
     */
    private static XdrWriter write(XdrWriter w, XdrArg a) {
        return switch (a) {
            case INT -> w.writeInt(0);
            case STRING -> w.writeString("test");
            case OPT_STRING -> w.writeInt(1).writeString("test");
            case UUID -> w.writeUuid(TEST);
            case DOMAIN -> w.writeString("test").writeUuid(TEST).writeInt(1);
            case OPT_DOMAIN -> write(w.writeInt(1), XdrArg.DOMAIN);
            case HYPER, SIGNED_HYPER -> w.writeHyper(0);
            case DOMAINS -> write(w.writeInt(1), XdrArg.DOMAIN);
            case POOL, NETWORK -> w.writeString("default").writeUuid(TEST);
            case OPT_POOL, OPT_NETWORK -> w.writeInt(1).writeString("default").writeUuid(TEST);
            case VOL -> w.writeString("default-pool").writeString("vol").writeString("/key");
            case SNAPSHOT -> write(w.writeString("snap"), XdrArg.DOMAIN);
            case SECRET -> w.writeUuid(TEST).writeInt(0).writeString("usage");
            case OPT_SECRET -> write(w.writeInt(1), XdrArg.SECRET);
            case NETWORK_PORT -> w.writeString("default").writeUuid(TEST).writeUuid(TEST);
            case SECRET_VALUE, CPUMAP -> w.writeInt(1).writeInt(0x01000000); // one byte, padded
            case SCHEDULER_PARAMS, MEMORY_PARAMS, BLKIO_PARAMS, PORT_PARAMS, INTERFACE_PARAMS ->
                    w.writeInt(1).writeString("weight").writeInt(2).writeInt(50);
            case KEYCODES -> w.writeInt(1).writeInt(30);
            case SASL_DATA -> w.writeInt(1).writeInt('x');
        };
    }
}
