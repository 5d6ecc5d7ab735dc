package org.jvirt.rpc.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what a client sends: arbitrary bytes go through libvirt's framing ({@link Frames}) and
 * every CALL through the {@link Dispatcher} of all served procedures, on the real core and test
 * driver. Invariants: the frame reader refuses a bad frame with {@link Frames.FrameException} (or
 * EOF at the input's end); every call gets a well-formed REPLY
 * (its serial, status OK or a decodable libvirt error) within libvirt's message size; and no call
 * ends in the dispatcher's catch-all for unexpected exceptions (an INTERNAL_ERROR "procedure N
 * failed: java..."), which is always a bug in the procedure. Regression mode runs the committed
 * inputs (src/test/resources/org/jvirt/rpc/internal/dispatch/DispatcherFuzzTestInputs/frames);
 * README "Fuzzing" tells how to fuzz.
 */
class DispatcherFuzzTest {
    /** A fresh test driver now and then, so that what fuzzed inputs define does not pile up. */
    private static final int INPUTS_PER_CORE = 2000;

    private static final Dispatcher DISPATCHER = new Dispatcher(ProcedureTable.standard());
    private static Path stateDir;
    private static ConnectionFactory core;
    private static int inputs;

    private static ConnectionFactory core() throws IOException, VirtException {
        if (core == null || inputs++ % INPUTS_PER_CORE == 0) {
            deleteState();
            stateDir = Files.createTempDirectory("jvirt-fuzz-rpc");
            core = Hosts.testDefault(stateDir);
        }
        return core;
    }

    @AfterAll
    static void deleteState() throws IOException {
        if (stateDir != null) {
            try (Stream<Path> s = Files.walk(stateDir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            stateDir = null;
        }
    }

    @FuzzTest(maxDuration = "10m")
    void frames(byte[] input) throws Exception {
        FuzzClient client = new FuzzClient(core());
        Source in = new Source(input);
        try {
            while (true) {
                Message m;
                try {
                    m = Frames.read(in);
                } catch (EOFException | Frames.FrameException e) {
                    return; // the server closes such a connection
                }
                // the server session answers keepalive and drops non-calls before the dispatcher
                if (m.type() == MessageType.CALL) {
                    checkReply(m, DISPATCHER.dispatch(client, m));
                }
            }
        } finally {
            client.closeConnection();
        }
    }

    private static void checkReply(Message call, Message reply) throws XdrException {
        assertEquals(MessageType.REPLY, reply.type());
        assertEquals(call.serial(), reply.serial());
        assertEquals(call.proc(), reply.proc());
        assertTrue(reply.encode().length <= Frames.MESSAGE_MAX, "reply larger than libvirt's message maximum");
        if (reply.status() == MessageType.STATUS_OK) {
            return;
        }
        assertEquals(MessageType.STATUS_ERROR, reply.status());
        XdrReader r = reply.payloadReader();
        RemoteError error = RemoteError.decode(r);
        r.expectEnd();
        assertTrue(error.message() != null && !error.message().isEmpty(), "error without a message");
        assertFalse(error.code() == ErrorCode.INTERNAL_ERROR.number()
                        && error.message().contains("procedure " + call.proc() + " failed: java."),
                () -> "procedure " + call.proc() + " threw: " + error.message());
    }

    /** The input as the bytes of a connection, up to its end. */
    private static final class Source implements Frames.Source {
        private final byte[] data;
        private int pos;

        Source(byte[] data) {
            this.data = data;
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            if (len > data.length - pos) {
                pos = data.length;
                throw new EOFException();
            }
            System.arraycopy(data, pos, b, off, len);
            pos += len;
        }
    }
}
