package org.jvirt.rpc.internal.testkit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;

/** A domain of {@link FakeHypervisor}. */
final class FakeDomain implements Domain {
    private final FakeConnection conn;
    private final String name;
    private final UUID uuid;

    FakeDomain(FakeConnection conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    private FakeHypervisor.Vm vm() throws VirtException {
        return conn.hv.vm(uuid, name);
    }

    private FakeHypervisor.Vm running(String what) throws VirtException {
        FakeHypervisor.Vm v = vm();
        if (v.id < 0) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        return v;
    }

    @Override public Connection connection() { return conn; }
    @Override public String name() { return name; }
    @Override public UUID uuid() { return uuid; }
    @Override public int id() throws VirtException { return vm().id; }
    @Override public String osType() { return "linux"; }
    @Override public DomainStateInfo state() throws VirtException { return FakeHypervisor.state(vm()); }
    @Override public DomainInfo info() throws VirtException { return FakeHypervisor.info(vm()); }
    @Override public boolean isActive() throws VirtException { return vm().id >= 0; }
    @Override public boolean isPersistent() throws VirtException { return vm().persistent; }

    @Override
    public void create(int flags) throws VirtException {
        conn.check(true, "virDomainCreateWithFlags");
        FakeHypervisor.Vm v;
        synchronized (conn.hv) {
            v = vm();
            if (v.id >= 0) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is already running");
            }
            v.id = conn.hv.nextId.getAndIncrement();
            v.state = DomainState.RUNNING;
            v.reason = 1;
        }
        conn.hv.emit(v, DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
    }

    private void stop(int reason, int detail, String function) throws VirtException {
        conn.check(true, function);
        FakeHypervisor.Vm v;
        synchronized (conn.hv) {
            v = running(function);
            v.id = -1;
            v.state = DomainState.SHUTOFF;
            v.reason = reason;
            if (!v.persistent) {
                conn.hv.vms.remove(v.uuid);
            }
        }
        conn.hv.emit(v, DomainEventType.STOPPED, detail);
    }

    @Override public void destroy(int flags) throws VirtException { stop(2, DomainEventType.STOPPED_DESTROYED, "virDomainDestroy"); }
    @Override public void shutdown(int flags) throws VirtException { stop(1, DomainEventType.STOPPED_SHUTDOWN, "virDomainShutdown"); }

    @Override
    public void reboot(int flags) throws VirtException {
        conn.check(true, "virDomainReboot");
        running("virDomainReboot");
    }

    @Override
    public void suspend() throws VirtException {
        conn.check(true, "virDomainSuspend");
        FakeHypervisor.Vm v;
        synchronized (conn.hv) {
            v = running("virDomainSuspend");
            v.state = DomainState.PAUSED;
            v.reason = 1;
        }
        conn.hv.emit(v, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
    }

    @Override
    public void resume() throws VirtException {
        conn.check(true, "virDomainResume");
        FakeHypervisor.Vm v;
        synchronized (conn.hv) {
            v = running("virDomainResume");
            if (v.state != DomainState.PAUSED) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not paused");
            }
            v.state = DomainState.RUNNING;
            v.reason = 5;
        }
        conn.hv.emit(v, DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
    }

    @Override
    public void undefine(int flags) throws VirtException {
        conn.check(true, "virDomainUndefineFlags");
        FakeHypervisor.Vm v;
        synchronized (conn.hv) {
            v = vm();
            if (v.id >= 0) {
                v.persistent = false;
            } else {
                conn.hv.vms.remove(uuid);
            }
        }
        conn.hv.emit(v, DomainEventType.UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        FakeHypervisor.Vm v = vm();
        return "<domain type='test'" + (v.id >= 0 ? " id='" + v.id + "'" : "") + ">\n  <name>" + v.name
                + "</name>\n  <uuid>" + v.uuid + "</uuid>\n  <vcpu placement='static'>" + v.vcpus
                + "</vcpu>\n</domain>\n";
    }

    @Override public boolean autostart() throws VirtException { return vm().autostart; }

    @Override
    public void setAutostart(boolean autostart) throws VirtException {
        conn.check(true, "virDomainSetAutostart");
        vm().autostart = autostart;
    }

    @Override
    public List<VcpuInfo> vcpuInfo() throws VirtException {
        return FakeHypervisor.vcpus(running("virDomainGetVcpus"));
    }

    @Override
    public List<BitSet> vcpuPinInfo(int flags) throws VirtException {
        List<BitSet> out = new ArrayList<>();
        for (BitSet b : vm().pins) {
            out.add((BitSet) b.clone());
        }
        return out;
    }

    @Override
    public void pinVcpu(int vcpu, BitSet cpumap, int flags) throws VirtException {
        conn.check(true, "virDomainPinVcpuFlags");
        FakeHypervisor.Vm v = vm();
        if (vcpu < 0 || vcpu >= v.vcpus) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, "requested vcpu '" + vcpu + "' is not present");
        }
        v.pins.set(vcpu, (BitSet) cpumap.clone());
    }
}
