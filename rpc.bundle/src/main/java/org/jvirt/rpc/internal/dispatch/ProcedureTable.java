package org.jvirt.rpc.internal.dispatch;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jvirt.api.ErrorDomain;

/**
 * The procedures the server serves, by number. The standard table registers its families of
 * procedures (the {@code *Procedures} classes) in turn as calls need them: a call whose procedure
 * the families registered so far do not hold registers the next ones until one does. A family's
 * handlers are lambdas, each spun into a class at its registration (a class data archive cannot
 * hold them for a bundle): the first client's open and listing need the first three families, some
 * 40 of them, not all 180 at the daemon's start. Once registered, procedures are only read.
 */
public final class ProcedureTable {
    private final Map<Integer, Procedure> byNumber = new ConcurrentHashMap<>();
    private final Queue<Consumer<ProcedureTable>> pending = new ArrayDeque<>();    // guarded by this

    public ProcedureTable add(int number, String function, Access access, Handler handler) {
        return add(new Procedure(number, function, access, handler));
    }

    /** A procedure whose read-only refusal is in {@code errorDomain} (the libvirt API file's). */
    public ProcedureTable add(int number, String function, Access access, ErrorDomain errorDomain, Handler handler) {
        return add(new Procedure(number, function, access, handler, errorDomain));
    }

    private ProcedureTable add(Procedure procedure) {
        if (byNumber.putIfAbsent(procedure.number(), procedure) != null) {
            throw new IllegalStateException("procedure " + procedure.number() + " registered twice");
        }
        return this;
    }

    /** A family of procedures, registered when a call first looks for a procedure not registered yet. */
    public synchronized ProcedureTable addLater(Consumer<ProcedureTable> family) {
        pending.add(family);
        return this;
    }

    public Optional<Procedure> find(int number) {
        Procedure p = byNumber.get(number);
        return p != null ? Optional.of(p) : Optional.ofNullable(registerUntilFound(number));
    }

    private synchronized Procedure registerUntilFound(int number) {
        Procedure p = byNumber.get(number);
        while (p == null && !pending.isEmpty()) {
            pending.remove().accept(this);
            p = byNumber.get(number);
        }
        return p;
    }

    /** How many procedures the table serves (every family registered). */
    public int size() {
        registerUntilFound(Integer.MIN_VALUE);
        return byNumber.size();
    }

    /** The table of everything jvirt serves, the families a client's open and listing need first. */
    public static ProcedureTable standard() {
        return new ProcedureTable()
                .addLater(t -> new AuthProcedures().registerInto(t))
                .addLater(t -> new ConnectProcedures().registerInto(t))
                .addLater(t -> new DomainProcedures().registerInto(t))
                .addLater(t -> new LifecycleProcedures().registerInto(t))
                .addLater(t -> new DeviceProcedures().registerInto(t))
                .addLater(t -> new VcpuProcedures().registerInto(t))
                .addLater(t -> new TuningProcedures().registerInto(t))
                .addLater(t -> new SecurityProcedures().registerInto(t))
                .addLater(t -> new ResizeProcedures().registerInto(t))
                .addLater(t -> new BlockStatsProcedures().registerInto(t))
                .addLater(t -> new EventProcedures().registerInto(t))
                .addLater(t -> new ConsoleProcedures().registerInto(t))
                .addLater(t -> new SecretProcedures().registerInto(t))
                .addLater(t -> new NetworkProcedures().registerInto(t))
                .addLater(t -> new NetworkPortProcedures().registerInto(t))
                .addLater(t -> new StorageProcedures().registerInto(t))
                .addLater(t -> new SnapshotProcedures().registerInto(t))
                .addLater(t -> new SaveProcedures().registerInto(t));
    }
}
