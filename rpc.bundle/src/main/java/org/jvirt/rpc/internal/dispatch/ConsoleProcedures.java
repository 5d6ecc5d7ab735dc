package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import org.jvirt.api.Domain;
import org.jvirt.api.Stream;
import org.jvirt.rpc.internal.wire.RemoteProc;

/**
 * Procedures that open a stream: the console. Their reply is empty; the stream's data follows as
 * VIR_NET_STREAM messages of the call (remoteDispatchDomainOpenConsole).
 */
final class ConsoleProcedures {

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_OPEN_CONSOLE, "virDomainOpenConsole", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            String devName = a.readOptString();
            int flags = a.readInt();
            Stream stream = d.openConsole(devName, flags);
            c.attachStream(stream);
        });
    }
}
