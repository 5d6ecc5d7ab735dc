package org.jvirt.driver.lxc.internal;

import java.io.IOException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ProcessSignal;
import org.jvirt.api.VirtException;

/**
 * libvirt's {@code lxcDomainSendProcessSignal}: only the container's init (pid 1 inside) may be
 * signalled, since the driver knows no other process's host pid.
 */
final class ProcessSignals {
    private ProcessSignals() {
    }

    /** The signal numbered {@code signum} (unsigned on the wire), or libvirt's range error. */
    static ProcessSignal checked(int signum) throws VirtException {
        ProcessSignal s = Integer.compareUnsigned(signum, ProcessSignal.values().length) < 0
                ? ProcessSignal.of(signum) : null;
        if (s == null) {
            throw LxcErrors.invalidArg("signum value " + signum + " is out of range");
        }
        return s;
    }

    static void send(LxcDomain dom, long pid, ProcessSignal signal) throws VirtException {
        if (!dom.isActive()) {
            throw LxcErrors.notRunning();
        }
        if (pid != 1) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.LXC,
                    "Only the init process may be killed");
        }
        ContainerProcess proc = dom.process();
        if (proc == null) {
            throw LxcErrors.invalid("Init pid is not yet available");
        }
        int linux = linuxNumber(signal);
        String failure;
        try {
            failure = HostSignal.send(proc.initPid(), Integer.toString(linux));
        } catch (IOException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (failure != null) {
            throw LxcErrors.system("Unable to send " + linux + " signal to process " + proc.initPid() + ": "
                    + failure);
        }
    }

    /**
     * The host's number of {@code signal}. libvirt's enum follows Linux's generic numbering (HUP 1 ...
     * SYS 31, RT0 = the kernel's signal 32 ... RT32 = 64), which libvirt's LXC driver relies on by
     * passing the number to kill(2) unchanged; the architectures that number differently (MIPS,
     * SPARC, Alpha, PA-RISC) do not run this driver's tests.
     */
    static int linuxNumber(ProcessSignal signal) {
        return signal.number();
    }
}
