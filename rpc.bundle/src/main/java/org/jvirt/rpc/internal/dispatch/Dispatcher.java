package org.jvirt.rpc.internal.dispatch;

import java.util.Optional;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one CALL of the remote or the LXC program and builds its REPLY, applying libvirtd's rules in
 * libvirtd's order: known program, known procedure, authenticated, arguments decoded,
 * connection open, read-only. The arguments are decoded once, by the procedure; only a call that
 * fails has them decoded again on their own ({@link ArgShapes}), so that a payload that does not
 * decode answers as libvirtd's, whichever check failed. Every failure
 * becomes a {@code remote_error} reply; nothing here closes the connection.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** REMOTE_PROC_DOMAIN_EVENT_NIC_MAC_CHANGE, the last procedure of remote_protocol.x. */
    static final int LAST_PROCEDURE = 453;

    private final ProcedureTable table;
    private final ProcedureTable lxc;
    private final ArgShapes shapes = new ArgShapes();

    public Dispatcher(ProcedureTable table) {
        this(table, LxcProcedures.table());
    }

    /** Serves {@code table} as the remote program and {@code lxc} as the LXC program. */
    public Dispatcher(ProcedureTable table, ProcedureTable lxc) {
        this.table = table;
        this.lxc = lxc;
    }

    /** The reply to {@code call}, a CALL of some program. */
    public Message dispatch(ClientContext client, Message call) {
        try {
            boolean remote = call.prog() == Programs.REMOTE && call.vers() == Programs.REMOTE_VERSION;
            if (!remote && (call.prog() != Programs.LXC || call.vers() != Programs.LXC_VERSION)) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Cannot find program "
                        + call.prog() + " version " + call.vers());
            }
            if (call.status() != MessageType.STATUS_OK) {
                // virNetServerProgramDispatchCall's check
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Unexpected message status " + call.status());
            }
            Optional<Procedure> proc = (remote ? table : lxc).find(call.proc());
            if (proc.isEmpty()) {
                // a number the protocol does not have is libvirtd's RPC error; a procedure of the
                // protocol that jvirt does not serve is a function the driver does not support
                boolean inProtocol = remote && call.proc() >= 1 && call.proc() <= LAST_PROCEDURE;
                throw new VirtException(inProtocol ? ErrorCode.NO_SUPPORT : ErrorCode.RPC, ErrorDomain.RPC,
                        "unknown procedure: " + call.proc());
            }
            Procedure p = proc.get();
            if (p.access() != Access.AUTH && !client.auth().authenticated()) {
                // virNetServerProgramDispatchCall: VIR_ERR_RPC, not AUTH_FAILED, for old clients' sake
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "authentication required");
            }
            try {
                if (p.access().beforeOpen()) {
                    return run(p, client, call);
                }
                // a call the core went away during is repeated on the replacement only when it
                // changes nothing: what libvirtd allows on a read-only connection (issue 8: never
                // start twice)
                return client.withConnection(p.function(), p.access() == Access.READ, () -> run(p, client, call));
            } catch (Exception e) { // rethrown as is: VirtException, XdrException or unchecked
                // libvirtd decodes the whole payload before anything else looks at the call
                // (virNetServerProgramDispatchCall; then the procedure's "connection not open", its
                // lookups, its argument checks): whatever failed, a payload that does not decode
                // answers so. A call that succeeded has decoded its arguments itself, once.
                decodeArgs(remote, p, call);
                throw e;
            }
        } catch (VirtException e) {
            LOG.debug("call {} failed: {}", call, e.getMessage());
            return error(call, RemoteError.of(e));
        } catch (XdrException e) {
            LOG.debug("call {} has bad arguments: {}", call, e.getMessage());
            return error(call, RemoteError.of(new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                    "Unable to decode message payload: " + e.getMessage())));
        } catch (Throwable e) {
            // whatever a procedure throws (Errors, and checked exceptions a handler smuggles past
            // its signature), the caller gets an answer and the worker lives on: libvirt's client
            // would otherwise wait for this reply forever. Logged once, here, with its stack.
            LOG.warn("procedure {} failed unexpectedly", call.proc(), e);
            return error(call, RemoteError.of(new VirtException(ErrorCode.INTERNAL_ERROR,
                    ErrorDomain.RPC, "procedure " + call.proc() + " failed: " + e)));
        }
    }

    /** Decodes the arguments of {@code call} alone, failing as libvirtd's decoder fails. */
    private void decodeArgs(boolean remote, Procedure p, Message call) throws XdrException {
        if (remote) {
            shapes.decode(p.number(), call.payloadReader());
        } else {
            LxcProcedures.decodeArgs(p.number(), call.payloadReader());
        }
    }

    /** One attempt at a call: libvirtd's access checks, then the procedure on fresh arguments. */
    private static Message run(Procedure p, ClientContext client, Message call) throws VirtException, XdrException {
        if (!p.access().beforeOpen()) {
            client.connection();   // "connection not open" before CONNECT_OPEN
        }
        if (p.access() == Access.WRITE && client.connection().isReadOnly()) {
            throw new VirtException(ErrorCode.OPERATION_DENIED, p.errorDomain(),
                    "read only access prevents " + p.function());
        }
        XdrWriter ret = new XdrWriter();
        XdrReader args = call.payloadReader();
        p.handler().handle(client, args, ret);
        return call.replyTo(MessageType.STATUS_OK, ret.toByteArray());
    }

    /** An error reply to {@code call}. */
    public static Message error(Message call, RemoteError error) {
        return call.replyTo(MessageType.STATUS_ERROR, error.encode());
    }
}
