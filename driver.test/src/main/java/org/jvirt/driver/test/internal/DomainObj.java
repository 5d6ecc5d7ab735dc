package org.jvirt.driver.test.internal;

import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;

/**
 * One domain of a test host: libvirt's {@code virDomainObj}. {@code def} is the definition in
 * effect (the live one while running); {@code newDef} is the persistent definition that takes over
 * when a running domain stops. Guarded by the owning {@link TestHost}'s lock.
 */
final class DomainObj {
    private DomainDef def;
    private DomainDef newDef;
    private int id = -1;
    private boolean persistent;
    private boolean autostart;
    /** libvirt's {@code virDomainObj.hasManagedSave}: a managed save image exists. */
    private boolean managedSave;
    private DomainState state = DomainState.SHUTOFF;
    private int reason;

    DomainObj(DomainDef def, boolean persistent) {
        this.def = def.withId(-1);
        this.persistent = persistent;
    }

    /** An independent copy, to put back if a change of the host fails. */
    DomainObj copy() {
        DomainObj c = new DomainObj(def, persistent);
        c.newDef = newDef;
        c.id = id;
        c.autostart = autostart;
        c.managedSave = managedSave;
        c.state = state;
        c.reason = reason;
        return c;
    }

    UUID uuid() {
        return def.uuid();
    }

    String name() {
        return def.name();
    }

    DomainRef ref() {
        return new DomainRef(def.name(), def.uuid(), id);
    }

    int id() {
        return id;
    }

    boolean isActive() {
        return id != -1;
    }

    boolean isPersistent() {
        return persistent;
    }

    void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    boolean autostart() {
        return autostart;
    }

    void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    boolean hasManagedSave() {
        return managedSave;
    }

    void setManagedSave(boolean managedSave) {
        this.managedSave = managedSave;
    }

    DomainState state() {
        return state;
    }

    DomainStateInfo stateInfo() {
        return new DomainStateInfo(state, reason);
    }

    void setState(DomainState state, int reason) {
        this.state = state;
        this.reason = reason;
    }

    /** The definition in effect: the live one while active. Its id is always -1. */
    DomainDef def() {
        return def;
    }

    /** The definition as libvirt formats it now: with {@code id=} while active. */
    DomainDef liveDef() {
        return isActive() ? def.withId(id) : def;
    }

    /** The pending persistent definition of a running domain, or null. */
    DomainDef newDef() {
        return newDef;
    }

    /** The persistent definition (what {@code --inactive} shows), or null for a transient domain. */
    DomainDef persistentDef() {
        if (!persistent) {
            return null;
        }
        return newDef != null ? newDef : def;
    }

    /** {@code virDomainObjAssignDef} for a define: a running domain keeps its live definition. */
    void assignPersistentDef(DomainDef definition) {
        if (isActive()) {
            newDef = definition.withId(-1);
        } else {
            def = definition.withId(-1);
        }
    }

    /** {@code virDomainObjAssignDef} for a create: the new definition becomes the live one. */
    void assignLiveDef(DomainDef definition) {
        if (newDef == null) {
            newDef = def;
        }
        def = definition.withId(-1);
    }

    /** Replaces the live definition (vCPU pinning). */
    void updateDef(DomainDef definition) {
        def = definition.withId(-1);
    }

    /** Replaces the persistent definition (the pending one while running); a transient domain has none. */
    void updatePersistentDef(DomainDef definition) {
        if (isActive()) {
            newDef = definition.withId(-1);
        } else {
            def = definition.withId(-1);
        }
    }

    /** {@code virDomainObjSetDefTransient} plus the id: the domain runs as {@code newId}. */
    void markStarted(int newId) {
        if (persistent && newDef == null) {
            newDef = def;
        }
        id = newId;
    }

    /**
     * {@code virDomainObjRemoveTransientDef}: the persistent definition comes back.
     *
     * @return the id libvirt reports in the stop event: -1 when a persistent definition came
     *         back, the last id otherwise
     */
    int markStopped() {
        int eventId = newDef != null ? -1 : id;
        if (newDef != null) {
            def = newDef;
            newDef = null;
        }
        id = -1;
        return eventId;
    }

    /** Restores runtime state read back from the state store. */
    void restore(DomainDef liveDef, DomainDef pendingDef, int runningId) {
        def = liveDef.withId(-1);
        newDef = pendingDef == null ? null : pendingDef.withId(-1);
        id = runningId;
    }
}
