package org.jvirt.driver.lxc.internal;

/**
 * The processes of a running container: liblxc's monitor ({@code [lxc monitor] PATH NAME}, which
 * holds the container and outlives jvirtd, like libvirt's {@code libvirt_lxc} controller) and the
 * container's init, each identified by pid and start time (clock ticks after boot).
 *
 * @param lxcName      the container's name for the lxc tools
 * @param monitorPid   the monitor's pid
 * @param monitorStart the monitor's start time
 * @param initPid      the init's pid, as the host sees it
 * @param initStart    the init's start time
 */
record ContainerProcess(String lxcName, long monitorPid, long monitorStart, long initPid, long initStart) {

    /** Whether the init is still the process that was started. */
    boolean initAlive() {
        return ProcStat.isSame(initPid, initStart);
    }

    /** Whether the monitor is still the process that was started. */
    boolean monitorAlive() {
        return ProcStat.isSame(monitorPid, monitorStart);
    }
}
