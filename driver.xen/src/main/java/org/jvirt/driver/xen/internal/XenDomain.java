package org.jvirt.driver.xen.internal;

import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;

/**
 * One domain of {@code xen:///system}: its persistent definition (null for a transient one) and,
 * while Xen runs it, its domain id, the definition it was created from and its state. Guarded by
 * its own monitor.
 */
final class XenDomain {
    private final UUID uuid;
    private final String name;
    private DomainDef persistentDef;
    private DomainDef liveDef;
    private boolean autostart;
    private int id = -1;
    private DomainStateInfo state = DomainStateInfo.of(StateReason.SHUTOFF_UNKNOWN);

    XenDomain(UUID uuid, String name) {
        this.uuid = uuid;
        this.name = name;
    }

    UUID uuid() {
        return uuid;
    }

    String name() {
        return name;
    }

    synchronized DomainRef ref() {
        return new DomainRef(name, uuid, id);
    }

    synchronized int id() {
        return id;
    }

    synchronized boolean isActive() {
        return id >= 0;
    }

    synchronized boolean isPersistent() {
        return persistentDef != null;
    }

    synchronized DomainDef persistentDef() {
        return persistentDef;
    }

    synchronized void setPersistentDef(DomainDef def) {
        this.persistentDef = def;
    }

    /** The running definition while active, else the persistent one. */
    synchronized DomainDef currentDef() {
        return liveDef != null ? liveDef : persistentDef;
    }

    synchronized boolean autostart() {
        return autostart;
    }

    synchronized void setAutostart(boolean on) {
        this.autostart = on;
    }

    synchronized DomainStateInfo state() {
        return state;
    }

    synchronized void setState(StateReason reason) {
        this.state = DomainStateInfo.of(reason);
    }

    synchronized void setState(DomainStateInfo info) {
        this.state = info;
    }

    /** Xen runs the domain as {@code domid}, created from {@code def}. */
    synchronized void running(int domid, DomainDef def, DomainStateInfo info) {
        this.id = domid;
        this.liveDef = def.withId(domid);
        this.state = info;
    }

    synchronized void setLiveDef(DomainDef def) {
        this.liveDef = def;
    }

    synchronized void stopped(StateReason reason) {
        this.id = -1;
        this.liveDef = null;
        this.state = DomainStateInfo.of(reason);
    }

    synchronized boolean isPaused() {
        return state.state() == DomainState.PAUSED;
    }
}
