package org.jvirt.rpc.internal.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jvirt.api.ErrorDomain;

/** The procedures the server serves, by number. Filled once, then only read. */
public final class ProcedureTable {
    private final Map<Integer, Procedure> byNumber = new HashMap<>();

    public ProcedureTable add(int number, String function, Access access, Handler handler) {
        if (byNumber.putIfAbsent(number, new Procedure(number, function, access, handler)) != null) {
            throw new IllegalStateException("procedure " + number + " registered twice");
        }
        return this;
    }

    /** A procedure whose read-only refusal is in {@code errorDomain} (the libvirt API file's). */
    public ProcedureTable add(int number, String function, Access access, ErrorDomain errorDomain, Handler handler) {
        if (byNumber.putIfAbsent(number, new Procedure(number, function, access, handler, errorDomain)) != null) {
            throw new IllegalStateException("procedure " + number + " registered twice");
        }
        return this;
    }

    public Optional<Procedure> find(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public int size() {
        return byNumber.size();
    }

    /** The table of everything jvirt serves. */
    public static ProcedureTable standard() {
        ProcedureTable t = new ProcedureTable();
        new AuthProcedures().registerInto(t);
        new ConnectProcedures().registerInto(t);
        new DomainProcedures().registerInto(t);
        new LifecycleProcedures().registerInto(t);
        new VcpuProcedures().registerInto(t);
        new TuningProcedures().registerInto(t);
        new SecurityProcedures().registerInto(t);
        new ResizeProcedures().registerInto(t);
        new EventProcedures().registerInto(t);
        new ConsoleProcedures().registerInto(t);
        new SecretProcedures().registerInto(t);
        new NetworkProcedures().registerInto(t);
        new NetworkPortProcedures().registerInto(t);
        new StorageProcedures().registerInto(t);
        return t;
    }
}
