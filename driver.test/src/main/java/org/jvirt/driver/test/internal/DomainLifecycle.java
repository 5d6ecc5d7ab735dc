package org.jvirt.driver.test.internal;

import static org.jvirt.api.DomainEventType.DEFINED;
import static org.jvirt.api.DomainEventType.RESUMED;
import static org.jvirt.api.DomainEventType.STARTED;
import static org.jvirt.api.DomainEventType.STOPPED;
import static org.jvirt.api.DomainEventType.SUSPENDED;
import static org.jvirt.api.DomainEventType.UNDEFINED;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;

/**
 * The lifecycle state machine of libvirt's test driver (libvirt 9.0 {@code test_driver.c}): define,
 * create, start, stop, pause, undefine, with libvirt's states, reasons, events, IDs and errors.
 * Each runs as one {@link TestHost#changing} change: if anything fails, nothing happened.
 */
final class DomainLifecycle {
    /** virDomainCreateFlags the test driver accepts for createXML: START_VALIDATE. */
    private static final int CREATE_XML_FLAGS = 16;
    /** virDomainDefineFlags: VALIDATE. */
    private static final int DEFINE_FLAGS = 1;
    /** virDomainDestroyFlags: GRACEFUL. */
    private static final int DESTROY_FLAGS = 1;
    /** virDomainRebootFlagValues: ACPI, GUEST_AGENT, INITCTL, SIGNAL, PARAVIRT. */
    private static final int REBOOT_FLAGS = 31;
    /** virDomainUndefineFlags: MANAGED_SAVE, SNAPSHOTS_METADATA. */
    private static final int UNDEFINE_FLAGS = 3;
    /** VIR_DOMAIN_UNDEFINE_MANAGED_SAVE. */
    private static final int UNDEFINE_MANAGED_SAVE = 1;
    /** virDomainSaveRestoreFlags the test driver accepts for a managed save: BYPASS_CACHE, RUNNING, PAUSED. */
    private static final int MANAGED_SAVE_FLAGS = 7;
    /** VIR_DOMAIN_EVENT_STOPPED_SAVED. */
    static final int STOPPED_SAVED = 4;
    /** VIR_DOMAIN_EVENT_STARTED_RESTORED. */
    static final int STARTED_RESTORED = 2;

    private final TestHost host;
    private final DefinitionPolicy policy;

    DomainLifecycle(TestHost host, DefinitionPolicy policy) {
        this.host = host;
        this.policy = policy;
    }

    /** {@code testDomainDefineXMLFlags}. */
    DomainRef define(String xml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, DEFINE_FLAGS, "testDomainDefineXMLFlags");
        DomainDef def = policy.parse(xml);
        return host.changing(() -> {
            DomainObj dom = host.byUuid(def.uuid());
            int detail;
            if (dom != null) {
                checkSameName(dom, def);
                // libvirt reports "updated" when a previous persistent definition was replaced
                detail = !dom.isActive() || dom.newDef() != null
                        ? DomainEventType.DEFINED_UPDATED : DomainEventType.DEFINED_ADDED;
                dom.assignPersistentDef(def);
                dom.setPersistent(true);
                host.save(dom);
            } else {
                checkNameFree(def);
                dom = new DomainObj(def, true);
                dom.setState(DomainState.SHUTOFF, StateReason.SHUTOFF_UNKNOWN.number());
                host.add(dom);
                detail = DomainEventType.DEFINED_ADDED;
            }
            host.emit(dom, DEFINED, detail);
            return dom.ref();
        });
    }

    /** {@code testDomainCreateXML}: a transient domain, or a defined inactive one started anew. */
    DomainRef createXml(String xml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, CREATE_XML_FLAGS, "testDomainCreateXML");
        return startNew(policy.parse(xml), StateReason.RUNNING_BOOTED, DomainEventType.STARTED_BOOTED);
    }

    /**
     * {@code testDomainRestoreFlags}: the image's definition starts as a created one would
     * ({@code virDomainObjListAdd} with LIVE and CHECK_LIVE), with reason and event "restored".
     */
    DomainRef restore(DomainDef def) throws VirtException {
        return startNew(def, StateReason.RUNNING_RESTORED, STARTED_RESTORED);
    }

    /**
     * {@code testDomainSaveFlags}: {@code image} gets the running domain's live definition, then the
     * domain stops with reason "saved" (a transient one disappears). Nothing changes if the write fails.
     */
    void save(DomainRef ref, ImageWriter image) throws VirtException {
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            image.write(dom.name(), dom.liveDef());
            stop(dom, StateReason.SHUTOFF_SAVED, STOPPED_SAVED);
            return null;
        });
    }

    /** Writes a save image of a domain's definition. */
    @FunctionalInterface
    interface ImageWriter {
        void write(String name, DomainDef def) throws VirtException;
    }

    private DomainRef startNew(DomainDef def, StateReason reason, int eventDetail) throws VirtException {
        return host.changing(() -> {
            DomainObj dom = host.byUuid(def.uuid());
            if (dom != null) {
                checkSameName(dom, def);
                if (dom.isActive()) {
                    throw TestDriverErrors.invalid(ErrorDomain.DOMAIN, "domain '" + dom.name() + "' is already active");
                }
                if (!dom.isPersistent()) {
                    throw TestDriverErrors.invalid(ErrorDomain.DOMAIN,
                            "domain '" + dom.name() + "' is already being started");
                }
                dom.assignLiveDef(def);
            } else {
                checkNameFree(def);
                dom = new DomainObj(def, false);
                host.add(dom);
            }
            start(dom, reason, eventDetail);
            return dom.ref();
        });
    }

    /** {@code testDomainCreateWithFlags}. */
    void create(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainCreateWithFlags");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (dom.state() != DomainState.SHUTOFF) {
                throw TestDriverErrors.internal("Domain '" + dom.name() + "' is already running");
            }
            start(dom);
            return null;
        });
    }

    /** {@code testDomainDestroyFlags}. */
    void destroy(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, DESTROY_FLAGS, "testDomainDestroyFlags");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            stop(dom, StateReason.SHUTOFF_DESTROYED, DomainEventType.STOPPED_DESTROYED);
            return null;
        });
    }

    /** {@code testDomainShutdownFlags}: the guest acts on {@code <on_poweroff>} at once. */
    void shutdown(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainShutdownFlags");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (dom.state() == DomainState.SHUTOFF) {
                throw TestDriverErrors.internal("domain '" + dom.name() + "' not running");
            }
            powerAction(dom, dom.def().onPoweroff());
            return null;
        });
    }

    /** {@code testDomainReboot}: the guest acts on {@code <on_reboot>} at once. */
    void reboot(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, REBOOT_FLAGS, "testDomainReboot");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            powerAction(dom, dom.def().onReboot() == null ? "restart" : dom.def().onReboot());
            return null;
        });
    }

    /** {@code testDomainReset}: an active guest "resets" without any change of its state. */
    void reset(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainReset");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            return null;
        });
    }

    /** {@code testDomainSuspend}. */
    void suspend(DomainRef ref) throws VirtException {
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (dom.state() == DomainState.SHUTOFF || dom.state() == DomainState.PAUSED) {
                throw TestDriverErrors.internal("domain '" + dom.name() + "' not running");
            }
            dom.setState(DomainState.PAUSED, StateReason.PAUSED_USER.number());
            host.save(dom);
            host.emit(dom, SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
            return null;
        });
    }

    /** {@code testDomainResume}. */
    void resume(DomainRef ref) throws VirtException {
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (dom.state() != DomainState.PAUSED) {
                throw TestDriverErrors.internal("domain '" + dom.name() + "' not paused");
            }
            dom.setState(DomainState.RUNNING, StateReason.RUNNING_UNPAUSED.number());
            host.save(dom);
            host.emit(dom, RESUMED, DomainEventType.RESUMED_UNPAUSED);
            return null;
        });
    }

    /**
     * {@code testDomainUndefineFlags}: an active domain keeps running as a transient one; a managed
     * save image is refused unless the caller lets it go with the domain.
     */
    void undefine(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, UNDEFINE_FLAGS, "testDomainUndefineFlags");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (dom.hasManagedSave() && (flags & UNDEFINE_MANAGED_SAVE) == 0) {
                throw TestDriverErrors.invalid(ErrorDomain.TEST,
                        "Refusing to undefine while domain managed save image exists");
            }
            host.emit(dom, UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
            dom.setManagedSave(false);
            if (dom.isActive()) {
                dom.setPersistent(false);
                host.save(dom);
            } else {
                host.remove(dom);
            }
            return null;
        });
    }

    /**
     * {@code testDomainManagedSave}: a running or paused persistent domain stops with reason
     * "saved" and keeps an image (a flag; the test driver writes nothing).
     */
    void managedSave(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, MANAGED_SAVE_FLAGS, "testDomainManagedSave");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            if (!dom.isPersistent()) {
                throw TestDriverErrors.invalid(ErrorDomain.TEST, "cannot do managed save for transient domain");
            }
            dom.setManagedSave(true);
            stop(dom, StateReason.SHUTOFF_SAVED, STOPPED_SAVED);
            return null;
        });
    }

    /** {@code testDomainHasManagedSaveImage}. */
    boolean hasManagedSaveImage(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainHasManagedSaveImage");
        return host.locked(() -> host.find(ref).hasManagedSave());
    }

    /** {@code testDomainManagedSaveRemove}: succeeds whether or not there is an image. */
    void managedSaveRemove(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainManagedSaveRemove");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            dom.setManagedSave(false);
            host.save(dom);
            return null;
        });
    }

    /**
     * {@code testDomainStartState}: running, booted, with the next ID. libvirt 9.0's test driver
     * boots afresh even from a managed save image and drops the image (its state reason and event
     * say "booted", not "restored"). Inside a change.
     */
    private void start(DomainObj dom) throws VirtException {
        start(dom, StateReason.RUNNING_BOOTED, DomainEventType.STARTED_BOOTED);
    }

    private void start(DomainObj dom, StateReason reason, int eventDetail) throws VirtException {
        dom.setManagedSave(false);
        dom.markStarted(host.allocateId());
        dom.setState(DomainState.RUNNING, reason.number());
        host.save(dom);
        host.emit(dom, STARTED, eventDetail);
    }

    /** {@code testDomainShutdownState} plus the event; a transient domain disappears. Inside a change. */
    private void stop(DomainObj dom, StateReason reason, int eventDetail) throws VirtException {
        int eventId = dom.markStopped();
        dom.setState(DomainState.SHUTOFF, reason.number());
        host.emit(dom, STOPPED, eventDetail, eventId);
        if (dom.isPersistent()) {
            host.save(dom);
        } else {
            host.remove(dom);
        }
    }

    /** {@code testDomainActionSetState}: restart keeps it running, anything else powers off. */
    private void powerAction(DomainObj dom, String action) throws VirtException {
        if ("restart".equals(action) || "rename-restart".equals(action)) {
            dom.setState(DomainState.RUNNING, StateReason.RUNNING_BOOTED.number());
            host.save(dom);
        } else {
            stop(dom, StateReason.SHUTOFF_SHUTDOWN, DomainEventType.STOPPED_SHUTDOWN);
        }
    }

    /** Same UUID, other name: refused ({@code virDomainObjListAddLocked}). */
    private static void checkSameName(DomainObj dom, DomainDef def) throws VirtException {
        if (!dom.name().equals(def.name())) {
            throw TestDriverErrors.failed("domain '" + dom.name() + "' is already defined with uuid " + dom.uuid());
        }
    }

    /** Other UUID, same name: refused. */
    private void checkNameFree(DomainDef def) throws VirtException {
        DomainObj other = host.byName(def.name());
        if (other != null) {
            throw TestDriverErrors.failed("domain '" + def.name() + "' already exists with uuid " + other.uuid());
        }
    }
}
