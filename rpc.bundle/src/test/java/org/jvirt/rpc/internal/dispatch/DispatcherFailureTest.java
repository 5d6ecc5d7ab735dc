package org.jvirt.rpc.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;

/**
 * Whatever a procedure throws — a runtime exception or an Error such as a stack overflow on
 * hostile input — the call gets libvirt's INTERNAL_ERROR reply, so no client waits forever, and
 * the dispatcher keeps answering the next calls.
 */
class DispatcherFailureTest {
    private static final int THROWS_ERROR = 9001;
    private static final int THROWS_RUNTIME = 9002;
    private static final int WORKS = 9003;
    private static final int THROWS_CHECKED = 9004;

    /** A client past authentication; these procedures use nothing else of it. */
    private static final ClientContext AUTHENTICATED = (ClientContext) Proxy.newProxyInstance(
            ClientContext.class.getClassLoader(), new Class<?>[] {ClientContext.class}, (proxy, method, args) -> {
                if (!method.getName().equals("auth")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return new Authenticated();
            });

    private final Dispatcher dispatcher = new Dispatcher(new ProcedureTable()
            .add(THROWS_ERROR, "overflow", Access.BEFORE_OPEN, (c, args, ret) -> recurse(0))
            .add(THROWS_RUNTIME, "broken", Access.BEFORE_OPEN, (c, args, ret) -> {
                throw new IllegalStateException("broken on purpose");
            })
            .add(WORKS, "works", Access.BEFORE_OPEN, (c, args, ret) -> ret.writeInt(7))
            .add(THROWS_CHECKED, "sneaky", Access.BEFORE_OPEN, (c, args, ret) -> sneaky(new IOException("undeclared"))));

    /** Throws a checked exception past a signature that does not declare it, as some libraries do. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    private Message call(int proc, int serial) {
        Message call = new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.CALL, serial,
                MessageType.STATUS_OK, new byte[0]);
        return dispatcher.dispatch(AUTHENTICATED, call);
    }

    @Test
    void errorsAndExceptionsBecomeInternalErrorReplies() throws Exception {
        for (int proc : new int[] {THROWS_ERROR, THROWS_RUNTIME, THROWS_CHECKED}) {
            Message reply = call(proc, proc);
            assertEquals(MessageType.REPLY, reply.type());
            assertEquals(proc, reply.serial());
            assertEquals(MessageType.STATUS_ERROR, reply.status());
            RemoteError error = RemoteError.decode(reply.payloadReader());
            assertEquals(ErrorCode.INTERNAL_ERROR.number(), error.code());
            assertTrue(error.message().contains("procedure " + proc + " failed"), error.message());
        }
        Message ok = call(WORKS, 3);
        assertEquals(MessageType.STATUS_OK, ok.status());
        assertEquals(7, ok.payloadReader().readInt());
    }

    @Test
    void aCallWithAStatusOtherThanOkGetsLibvirtsError() throws Exception {
        Message call = new Message(Programs.REMOTE, Programs.REMOTE_VERSION, WORKS, MessageType.CALL, 5,
                MessageType.STATUS_ERROR, new byte[0]);
        Message reply = dispatcher.dispatch(AUTHENTICATED, call);
        assertEquals(MessageType.STATUS_ERROR, reply.status());
        assertEquals(5, reply.serial());
        RemoteError error = RemoteError.decode(reply.payloadReader());
        assertEquals(ErrorCode.RPC.number(), error.code());
        assertTrue(error.message().endsWith("Unexpected message status 1"), error.message());
    }
}
