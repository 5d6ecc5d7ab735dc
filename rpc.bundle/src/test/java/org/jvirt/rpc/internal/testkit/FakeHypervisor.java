package org.jvirt.rpc.internal.testkit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;

/**
 * An in-memory stand-in for the core plus test driver, used until the real ones are on main:
 * one shared host modelled on libvirt's test:///default (domain "test", running, ID 1).
 */
public final class FakeHypervisor implements ConnectionFactory {
    final Map<UUID, Vm> vms = new LinkedHashMap<>();
    final List<Listener> listeners = new ArrayList<>();
    final AtomicInteger nextId = new AtomicInteger(2);
    final AtomicInteger nextListener = new AtomicInteger(1);

    static final class Vm {
        String name;
        UUID uuid;
        int id = -1;
        DomainState state = DomainState.SHUTOFF;
        int reason = 0;
        boolean persistent = true;
        boolean autostart;
        int vcpus = 2;
        List<BitSet> pins = new ArrayList<>();
    }

    record Listener(int id, FakeConnection conn, DomainEventListener listener) {
    }

    public FakeHypervisor() {
        Vm t = new Vm();
        t.name = "test";
        t.uuid = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
        t.id = 1;
        t.state = DomainState.RUNNING;
        t.reason = 0;
        initPins(t);
        vms.put(t.uuid, t);
    }

    static void initPins(Vm v) {
        v.pins.clear();
        for (int i = 0; i < v.vcpus; i++) {
            BitSet b = new BitSet();
            b.set(0, 8);
            v.pins.add(b);
        }
    }

    @Override
    public synchronized Connection open(String uri, int flags) throws VirtException {
        ConnectUri u = ConnectUri.parse(uri == null ? DEFAULT_URI : uri);
        if (!u.driver().equals("test") || !u.path().equals("/default")) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, uri);
        }
        return new FakeConnection(this, u, (flags & OpenFlag.READ_ONLY.bit()) != 0);
    }

    @Override
    public List<DriverInfo> drivers() {
        return List.of(new DriverInfo("Test", List.of("test"), 0, "fake"));
    }

    synchronized Vm vm(UUID uuid, String name) throws VirtException {
        Vm v = vms.get(uuid);
        if (v == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                    "no domain with matching uuid '" + uuid + "' (" + name + ")");
        }
        return v;
    }

    void emit(Vm v, DomainEventType type, int detail) {
        DomainEvent ev = new DomainEvent(v.name, v.uuid, v.id, type, detail);
        List<Listener> ls;
        synchronized (this) {
            ls = List.copyOf(listeners);
        }
        for (Listener l : ls) {
            l.listener().onLifecycle(new FakeDomain(l.conn(), v.name, v.uuid), ev);
        }
    }

    synchronized Vm define(String xml, boolean start) throws VirtException {
        String name = tag(xml, "name");
        if (name == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "missing name");
        }
        String uuidText = tag(xml, "uuid");
        Vm v = vms.values().stream().filter(x -> x.name.equals(name)).findFirst().orElse(null);
        if (v == null) {
            v = new Vm();
            v.name = name;
            v.uuid = uuidText == null ? UUID.randomUUID() : UUID.fromString(uuidText);
            String vcpu = tag(xml, "vcpu");
            v.vcpus = vcpu == null ? 1 : Integer.parseInt(vcpu.trim());
            initPins(v);
            vms.put(v.uuid, v);
        } else if (start && v.id >= 0) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "domain '" + name + "' is already active");
        }
        v.persistent = v.persistent && !start || !start;
        return v;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + "(?:\\s[^>]*)?>([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static List<VcpuInfo> vcpus(Vm v) {
        List<VcpuInfo> out = new ArrayList<>();
        for (int i = 0; i < v.vcpus; i++) {
            out.add(new VcpuInfo(i, VcpuState.RUNNING, 1000L, i % 8, v.pins.get(i)));
        }
        return out;
    }

    static DomainInfo info(Vm v) {
        return new DomainInfo(v.state, 8388608, 2097152, v.vcpus, v.id >= 0 ? 1_795_641_449_300_000_000L : 0);
    }

    static DomainStateInfo state(Vm v) {
        return new DomainStateInfo(v.state, v.reason);
    }

    static NodeInfo node() {
        return new NodeInfo("i686", 3145728, 16, 1400, 2, 2, 2, 2);
    }

}
