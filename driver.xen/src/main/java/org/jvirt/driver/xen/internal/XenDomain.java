package org.jvirt.driver.xen.internal;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;

/**
 * One domain of {@code xen:///system}: its persistent definition (null for a transient one) and,
 * while Xen runs it or is creating it, the definition it runs (created) from; while Xen runs it, its
 * domain id and state. Fields are guarded by its own monitor. A change that calls libxl runs as a
 * job ({@link #job}, libvirt's {@code virDomainObjBeginJob(VIR_JOB_MODIFY)}): one at a time per
 * domain, without holding the monitor while xl runs, so lookups, lists and dominfo answer meanwhile.
 */
final class XenDomain {
    /** libvirt's VIR_JOB_WAIT_TIME: how long a change waits for the one running. */
    static final long JOB_WAIT_MILLIS = 30_000;

    /** A change of the domain that may call libxl. */
    interface Job<T> {
        T run() throws VirtException;
    }

    private final UUID uuid;
    private final String name;
    private DomainDef persistentDef;
    private DomainDef liveDef;
    private boolean autostart;
    private int id = -1;
    private DomainStateInfo state = DomainStateInfo.of(StateReason.SHUTOFF_UNKNOWN);
    private Thread jobOwner;
    private String jobName;

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

    /** Drops the definition a failed create left while the domain is not running. */
    synchronized void clearLiveDefIfInactive() {
        if (id < 0) {
            this.liveDef = null;
        }
    }

    /** Whether a job runs (the poll leaves such a domain to it). */
    synchronized boolean inJob() {
        return jobOwner != null;
    }

    /**
     * Runs {@code body} as the domain's job: waits up to {@link #JOB_WAIT_MILLIS} for a running job
     * (libvirt's "cannot acquire state change lock"); the same thread may nest jobs. The caller must
     * not hold the monitor.
     */
    <T> T job(String name, Job<T> body) throws VirtException {
        if (beginJob(name, JOB_WAIT_MILLIS)) {
            try {
                return body.run();
            } finally {
                endJob();
            }
        }
        return body.run();
    }

    /** @return false when the calling thread already runs the job */
    synchronized boolean beginJob(String name, long waitMillis) throws VirtException {
        if (jobOwner == Thread.currentThread()) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (jobOwner != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.LIBXL,
                        "cannot acquire state change lock (held by " + jobName + ")");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.LIBXL,
                        "interrupted while waiting for the domain's job (" + jobName + ")");
            }
        }
        jobOwner = Thread.currentThread();
        jobName = name;
        return true;
    }

    synchronized void endJob() {
        jobOwner = null;
        jobName = null;
        notifyAll();
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
