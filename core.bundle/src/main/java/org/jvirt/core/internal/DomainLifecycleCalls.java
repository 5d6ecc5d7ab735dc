package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;

/**
 * The lifecycle entry points of a {@link DomainFacade}, each with the test that tells whether it
 * already took effect: after a driver swap in the middle of a call, {@link DomainCalls#write}
 * repeats a state change on the new driver only when that test says it did not happen.
 */
final class DomainLifecycleCalls {
    private final DomainCalls calls;

    DomainLifecycleCalls(DomainCalls calls) {
        this.calls = calls;
    }

    void create(int flags) throws VirtException {
        calls.write(Checks.function(flags, "virDomainCreate", "virDomainCreateWithFlags"),
                b -> b.connection().create(calls.ref(b), flags), b -> calls.stateOn(b) != DomainState.SHUTOFF);
    }

    void destroy(int flags) throws VirtException {
        calls.write(Checks.function(flags, "virDomainDestroy", "virDomainDestroyFlags"),
                b -> b.connection().destroy(calls.ref(b), flags), b -> calls.stateOn(b) == DomainState.SHUTOFF);
    }

    void shutdown(int flags) throws VirtException {
        calls.write(Checks.function(flags, "virDomainShutdown", "virDomainShutdownFlags"),
                b -> b.connection().shutdown(calls.ref(b), flags), b -> calls.stateOn(b) == DomainState.SHUTOFF);
    }

    void reboot(int flags) throws VirtException {
        calls.write("virDomainReboot", b -> b.connection().reboot(calls.ref(b), flags), UNKNOWN);
    }

    void reset(int flags) throws VirtException {
        calls.write("virDomainReset", b -> b.connection().reset(calls.ref(b), flags), UNKNOWN);
    }

    void suspend() throws VirtException {
        calls.write("virDomainSuspend", b -> b.connection().suspend(calls.ref(b)),
                b -> calls.stateOn(b) == DomainState.PAUSED);
    }

    void resume() throws VirtException {
        calls.write("virDomainResume", b -> b.connection().resume(calls.ref(b)),
                b -> calls.stateOn(b) == DomainState.RUNNING);
    }

    void undefine(int flags) throws VirtException {
        calls.write(Checks.function(flags, "virDomainUndefine", "virDomainUndefineFlags"),
                b -> b.connection().undefine(calls.ref(b), flags), b -> !calls.persistentOn(b));
    }
}
