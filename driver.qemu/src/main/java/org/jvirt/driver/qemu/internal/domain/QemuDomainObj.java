package org.jvirt.driver.qemu.internal.domain;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;

/**
 * One domain known to the driver (libvirt's {@code virDomainObj}): its definitions and, while it runs, its emulator process and
 * monitor. Fields are guarded by the object's monitor: every operation on a domain runs in
 * {@code synchronized (domain)}, so lifecycle calls and QMP events never interleave.
 */
public final class QemuDomainObj {
    private final UUID uuid;
    /** Read without the lock: the registry compares names under its own lock, never taking a domain's. */
    private volatile String name;
    private DomainDef persistentDef;
    private DomainDef liveDef;
    private boolean autostart;
    private DomainStateInfo state = DomainStateInfo.of(StateReason.SHUTOFF_UNKNOWN);

    // runtime, while active
    private int id = -1;
    private long pid = -1;
    private long startTime;
    private Path monitorPath;
    private Path logPath;
    private QmpClient qmp;
    private Map<Integer, Long> vcpuThreads = Map.of();
    private VcpuThreadResolution resolution;
    /** QEMU reported SHUTDOWN: the coming EOF is a shutdown, not a crash. */
    private boolean shutdownSeen;
    /** The driver is stopping the process: the coming EOF is expected. */
    private boolean stopping;
    /** The next guest power-off is a reboot done by the driver (libvirt's fakeReboot). */
    private boolean fakeReboot;

    public QemuDomainObj(UUID uuid, String name) {
        this.uuid = uuid;
        this.name = name;
    }

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    public synchronized DomainRef ref() {
        return new DomainRef(name, uuid, id);
    }

    public synchronized boolean isActive() {
        return pid > 0;
    }

    public synchronized boolean isPersistent() {
        return persistentDef != null;
    }

    /** The definition in effect: the live one while running, else the persistent one. */
    public synchronized DomainDef def() {
        return liveDef != null ? liveDef : persistentDef;
    }

    public synchronized DomainDef persistentDef() {
        return persistentDef;
    }

    public synchronized void setPersistentDef(DomainDef def) {
        this.persistentDef = def;
        if (def != null) {
            this.name = def.name();
        }
    }

    public synchronized DomainDef liveDef() {
        return liveDef;
    }

    public synchronized DomainStateInfo state() {
        return state;
    }

    public synchronized void setState(StateReason reason) {
        this.state = DomainStateInfo.of(reason);
    }

    public synchronized void setState(DomainStateInfo info) {
        this.state = info;
    }

    public synchronized boolean autostart() {
        return autostart;
    }

    public synchronized void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    public synchronized int id() {
        return id;
    }

    public synchronized long pid() {
        return pid;
    }

    public synchronized long startTime() {
        return startTime;
    }

    public synchronized Path monitorPath() {
        return monitorPath;
    }

    public synchronized Path logPath() {
        return logPath;
    }

    public synchronized QmpClient qmp() {
        return qmp;
    }

    public synchronized void setQmp(QmpClient qmp) {
        this.qmp = qmp;
    }

    /** Marks the domain active with a running emulator. */
    public synchronized void attach(int newId, DomainDef live, long newPid, long newStartTime, Path monitor, Path log) {
        this.id = newId;
        this.liveDef = live;
        this.pid = newPid;
        this.startTime = newStartTime;
        this.monitorPath = monitor;
        this.logPath = log;
        this.shutdownSeen = false;
        this.stopping = false;
        this.fakeReboot = false;
    }

    /** The running guest's definition completed with what QEMU reports (e.g. its pty paths). */
    public synchronized void setLiveDef(DomainDef live) {
        this.liveDef = live;
    }

    /** Marks the domain inactive; the caller has closed the monitor. */
    public synchronized void detach(StateReason reason) {
        this.id = -1;
        this.liveDef = null;
        this.pid = -1;
        this.startTime = 0;
        this.qmp = null;
        this.vcpuThreads = Map.of();
        this.resolution = null;
        this.state = DomainStateInfo.of(reason);
    }

    public synchronized Map<Integer, Long> vcpuThreads() {
        return vcpuThreads;
    }

    public synchronized VcpuThreadResolution resolution() {
        return resolution;
    }

    public synchronized void setVcpuThreads(VcpuThreadResolution r) {
        this.resolution = r;
        this.vcpuThreads = r.usable() ? Map.copyOf(r.threadIds()) : Map.of();
    }

    /** Restores ids saved by an earlier driver instance until the next refresh. */
    public synchronized void restoreVcpuThreads(Map<Integer, Long> ids) {
        this.vcpuThreads = Map.copyOf(ids);
    }

    public synchronized boolean shutdownSeen() {
        return shutdownSeen;
    }

    public synchronized void setShutdownSeen(boolean seen) {
        this.shutdownSeen = seen;
    }

    public synchronized boolean fakeReboot() {
        return fakeReboot;
    }

    public synchronized void setFakeReboot(boolean fakeReboot) {
        this.fakeReboot = fakeReboot;
    }

    public synchronized boolean stopping() {
        return stopping;
    }

    public synchronized void setStopping(boolean stopping) {
        this.stopping = stopping;
    }

    public synchronized boolean isState(DomainState s) {
        return state.state() == s;
    }
}
