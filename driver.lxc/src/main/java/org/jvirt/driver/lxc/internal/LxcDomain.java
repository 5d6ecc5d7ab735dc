package org.jvirt.driver.lxc.internal;

import java.util.UUID;

import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;

/**
 * One container domain: its persistent definition, and while it runs its live definition and the
 * processes that make it (liblxc's monitor and the container's init, each identified by pid and
 * start time). Callers hold the object's lock for compound changes; the fields are volatile so
 * that lookups and lists read them without it.
 */
final class LxcDomain {
    private final UUID uuid;
    private final String name;
    private volatile DomainDef persistentDef;
    private volatile DomainDef liveDef;
    private volatile int id = -1;
    private volatile ContainerProcess process;
    private volatile DomainStateInfo state = DomainStateInfo.of(StateReason.SHUTOFF_UNKNOWN);
    private volatile boolean autostart;
    /** Set by destroy and shutdown before they act, so the watch reports the exit with their reason. */
    private volatile StateReason expectedStop;

    LxcDomain(UUID uuid, String name) {
        this.uuid = uuid;
        this.name = name;
    }

    UUID uuid() {
        return uuid;
    }

    String name() {
        return name;
    }

    DomainRef ref() {
        return new DomainRef(name, uuid, isActive() ? id : -1);
    }

    DomainDef persistentDef() {
        return persistentDef;
    }

    void setPersistentDef(DomainDef def) {
        this.persistentDef = def;
    }

    boolean isPersistent() {
        return persistentDef != null;
    }

    /** The live definition while active, else the persistent one; null for a stopped transient domain. */
    DomainDef def() {
        DomainDef live = liveDef;
        return live != null ? live : persistentDef;
    }

    DomainDef liveDef() {
        return liveDef;
    }

    /** A tuning call changed the running container (caller holds the lock; the container is active). */
    void setLiveDef(DomainDef def) {
        this.liveDef = def;
    }

    boolean isActive() {
        return process != null;
    }

    int id() {
        return id;
    }

    ContainerProcess process() {
        return process;
    }

    /** The container runs: {@code process} holds it. */
    void attach(int newId, DomainDef live, ContainerProcess proc, DomainStateInfo newState) {
        this.id = newId;
        this.liveDef = live;
        this.process = proc;
        this.state = newState;
        this.expectedStop = null;
    }

    /** The container is gone. */
    void detach(StateReason reason) {
        this.process = null;
        this.liveDef = null;
        this.id = -1;
        this.state = DomainStateInfo.of(reason);
        this.expectedStop = null;
    }

    DomainStateInfo state() {
        return state;
    }

    void setState(StateReason reason) {
        this.state = DomainStateInfo.of(reason);
    }

    boolean autostart() {
        return autostart;
    }

    void setAutostart(boolean on) {
        this.autostart = on;
    }

    StateReason expectedStop() {
        return expectedStop;
    }

    void expectStop(StateReason reason) {
        this.expectedStop = reason;
    }
}
