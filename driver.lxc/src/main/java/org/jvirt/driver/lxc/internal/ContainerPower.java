package org.jvirt.driver.lxc.internal;

import java.io.IOException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;

/**
 * libvirt's {@code lxcDomainShutdownFlags} and {@code lxcDomainReboot}: without a mode, the
 * container's init is asked through its initctl FIFO ({@link InitControl}, runlevel 0 or 6) and,
 * when it has none, signalled (SIGTERM to power off, SIGHUP to reboot); {@code initctl} alone fails
 * without a FIFO, {@code signal} alone only signals. The init decides what happens: its exit is a
 * shutdown, its death by SIGHUP (what {@code reboot()} does in a PID namespace) a reboot.
 */
final class ContainerPower {
    /** VIR_DOMAIN_SHUTDOWN_INITCTL = VIR_DOMAIN_REBOOT_INITCTL. */
    static final int INITCTL = 1 << 2;
    /** VIR_DOMAIN_SHUTDOWN_SIGNAL = VIR_DOMAIN_REBOOT_SIGNAL. */
    static final int SIGNAL = 1 << 3;

    private ContainerPower() {
    }

    static void shutdown(LxcDomain dom, int flags) throws VirtException {
        ContainerProcess proc = active(dom);
        dom.expectStop(StateReason.SHUTOFF_SHUTDOWN);
        request(proc, flags, InitControl.RUNLEVEL_POWEROFF, "TERM");
    }

    static void reboot(LxcDomain dom, int flags) throws VirtException {
        request(active(dom), flags, InitControl.RUNLEVEL_REBOOT, "HUP");
    }

    private static void request(ContainerProcess proc, int flags, int runlevel, String signal) throws VirtException {
        boolean sent = false;
        if (flags == 0 || (flags & INITCTL) != 0) {
            sent = InitControl.setRunlevel(proc.initPid(), runlevel);
            if (!sent && flags != 0) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.LXC,
                        "Container does not provide an initctl pipe");
            }
        }
        if (!sent && (flags == 0 || (flags & SIGNAL) != 0) && proc.initAlive()) {
            signal(proc.initPid(), signal);
        }
    }

    private static ContainerProcess active(LxcDomain dom) throws VirtException {
        ContainerProcess proc = dom.process();
        if (proc == null) {
            throw LxcErrors.notRunning();
        }
        return proc;
    }

    private static void signal(long pid, String signal) throws VirtException {
        String failure;
        try {
            failure = HostSignal.send(pid, signal);
        } catch (IOException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LxcErrors.internal("interrupted while signalling init pid " + pid);
        }
        if (failure != null && ProcStat.isAlive(pid)) {
            // libvirt's message, SIGTERM in it even for the reboot's SIGHUP
            throw LxcErrors.system("Unable to send SIGTERM to init pid " + pid + ": " + failure);
        }
    }
}
