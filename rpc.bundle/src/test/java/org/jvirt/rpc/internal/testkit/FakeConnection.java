package org.jvirt.rpc.internal.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;

/** A connection of {@link FakeHypervisor}. */
final class FakeConnection implements Connection {
    final FakeHypervisor hv;
    private final ConnectUri uri;
    private final boolean readOnly;
    private volatile boolean closed;

    FakeConnection(FakeHypervisor hv, ConnectUri uri, boolean readOnly) {
        this.hv = hv;
        this.uri = uri;
        this.readOnly = readOnly;
    }

    void check(boolean write, String function) throws VirtException {
        if (closed) {
            throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, function);
        }
        if (write && readOnly) {
            throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "read only access prevents " + function);
        }
    }

    @Override public ConnectUri uri() { return uri; }
    @Override public boolean isReadOnly() { return readOnly; }
    @Override public String type() { return "Test"; }
    @Override public long hypervisorVersion() { return 2; }
    @Override public long libVersion() { return 9_000_000; }
    @Override public String hostname() throws VirtException {
        check(false, "virConnectGetHostname");
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
    @Override public String capabilities() {
        return "<capabilities>\n  <host>\n    <cpu>\n      <arch>i686</arch>\n    </cpu>\n  </host>\n</capabilities>\n";
    }
    @Override public NodeInfo nodeInfo() { return FakeHypervisor.node(); }
    @Override public int maxVcpus(String type) { return 32; }

    @Override
    public List<Domain> listAllDomains(int flags) throws VirtException {
        check(false, "virConnectListAllDomains");
        List<Domain> out = new ArrayList<>();
        synchronized (hv) {
            for (FakeHypervisor.Vm v : hv.vms.values()) {
                boolean active = v.id >= 0;
                if ((flags & ListFlag.ACTIVE.bit()) != 0 && (flags & ListFlag.INACTIVE.bit()) == 0 && !active) {
                    continue;
                }
                if ((flags & ListFlag.INACTIVE.bit()) != 0 && (flags & ListFlag.ACTIVE.bit()) == 0 && active) {
                    continue;
                }
                out.add(new FakeDomain(this, v.name, v.uuid));
            }
        }
        return out;
    }

    @Override
    public Domain lookupByName(String name) throws VirtException {
        synchronized (hv) {
            for (FakeHypervisor.Vm v : hv.vms.values()) {
                if (v.name.equals(name)) {
                    return new FakeDomain(this, v.name, v.uuid);
                }
            }
        }
        throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name '" + name + "'");
    }

    @Override
    public Domain lookupByUuid(UUID uuid) throws VirtException {
        FakeHypervisor.Vm v = hv.vm(uuid, uuid.toString());
        return new FakeDomain(this, v.name, v.uuid);
    }

    @Override
    public Domain lookupById(int id) throws VirtException {
        synchronized (hv) {
            for (FakeHypervisor.Vm v : hv.vms.values()) {
                if (v.id == id && id >= 0) {
                    return new FakeDomain(this, v.name, v.uuid);
                }
            }
        }
        throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching id " + id);
    }

    @Override
    public Domain defineXml(String xml, int flags) throws VirtException {
        check(true, "virDomainDefineXMLFlags");
        FakeHypervisor.Vm v = hv.define(xml, false);
        hv.emit(v, DomainEventType.DEFINED, DomainEventType.DEFINED_ADDED);
        return new FakeDomain(this, v.name, v.uuid);
    }

    @Override
    public Domain createXml(String xml, int flags) throws VirtException {
        check(true, "virDomainCreateXML");
        FakeHypervisor.Vm v;
        synchronized (hv) {
            v = hv.define(xml, true);
            v.persistent = false;
            v.id = hv.nextId.getAndIncrement();
            v.state = DomainState.RUNNING;
            v.reason = 1;
        }
        hv.emit(v, DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        return new FakeDomain(this, v.name, v.uuid);
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        check(true, "virConnectDomainXMLToNative");
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NONE, "virConnectDomainXMLToNative");
    }

    @Override
    public int addLifecycleListener(DomainEventListener listener) throws VirtException {
        check(false, "virConnectDomainEventRegisterAny");
        synchronized (hv) {
            int id = hv.nextListener.getAndIncrement();
            hv.listeners.add(new FakeHypervisor.Listener(id, this, listener));
            return id;
        }
    }

    @Override
    public void removeLifecycleListener(int callbackId) throws VirtException {
        synchronized (hv) {
            if (!hv.listeners.removeIf(l -> l.id() == callbackId && l.conn() == this)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "no callback " + callbackId);
            }
        }
    }

    @Override public boolean isAlive() { return !closed; }

    @Override
    public void close() {
        closed = true;
        synchronized (hv) {
            hv.listeners.removeIf(l -> l.conn() == this);
        }
    }
}
