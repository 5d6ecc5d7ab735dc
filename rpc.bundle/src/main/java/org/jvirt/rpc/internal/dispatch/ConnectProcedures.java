package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.AUTH;
import static org.jvirt.rpc.internal.dispatch.Access.BEFORE_OPEN;
import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;

/** Handshake and connection-level procedures: open/close, versions, host and node info. */
final class ConnectProcedures {
    void registerInto(ProcedureTable t) {
        // allowed before authentication: a client probes keepalive support right after it
        t.add(RemoteProc.CONNECT_SUPPORTS_FEATURE, "virConnectSupportsFeature", AUTH, (c, a, r) -> {
            int feature = a.readInt();
            r.writeInt(supports(c, feature) ? 1 : 0);
        });
        t.add(RemoteProc.CONNECT_OPEN, "virConnectOpen", BEFORE_OPEN, (c, a, r) -> {
            String name = a.readOptString();
            int flags = a.readInt();
            // libvirtd's remoteDispatchConnectOpen keeps only VIR_CONNECT_RO of the client's flags (it
            // calls virConnectOpen or virConnectOpenReadOnly): a virsh run by a user other than root
            // sends its remote driver's own open flags (REMOTE_USER, REMOTE_AUTOSTART) along
            c.open(name, flags & OpenFlag.READ_ONLY.bit());
        });
        t.add(RemoteProc.CONNECT_CLOSE, "virConnectClose", BEFORE_OPEN, (c, a, r) -> c.closeConnection());
        // The close callback fires when the daemon drops the connection; our transport closing
        // tells the client the same, so registering only needs to succeed.
        t.add(RemoteProc.CONNECT_REGISTER_CLOSE_CALLBACK, "virConnectRegisterCloseCallback", READ,
                (c, a, r) -> c.connection());
        t.add(RemoteProc.CONNECT_UNREGISTER_CLOSE_CALLBACK, "virConnectUnregisterCloseCallback", READ,
                (c, a, r) -> c.connection());
        t.add(RemoteProc.CONNECT_GET_TYPE, "virConnectGetType", READ,
                (c, a, r) -> r.writeString(c.connection().type()));
        t.add(RemoteProc.CONNECT_GET_VERSION, "virConnectGetVersion", READ,
                (c, a, r) -> r.writeHyper(c.connection().hypervisorVersion()));
        t.add(RemoteProc.CONNECT_GET_LIB_VERSION, "virConnectGetLibVersion", READ,
                (c, a, r) -> r.writeHyper(c.connection().libVersion()));
        t.add(RemoteProc.CONNECT_GET_HOSTNAME, "virConnectGetHostname", READ,
                (c, a, r) -> r.writeString(c.connection().hostname()));
        t.add(RemoteProc.CONNECT_GET_URI, "virConnectGetURI", READ,
                (c, a, r) -> r.writeString(c.connection().uri().toString()));
        t.add(RemoteProc.CONNECT_GET_CAPABILITIES, "virConnectGetCapabilities", READ,
                (c, a, r) -> r.writeString(c.connection().capabilities()));
        t.add(RemoteProc.CONNECT_GET_DOMAIN_CAPABILITIES, "virConnectGetDomainCapabilities", WRITE, (c, a, r) -> {
            String emulator = a.readOptString();
            String arch = a.readOptString();
            String machine = a.readOptString();
            String virtType = a.readOptString();
            int flags = a.readInt();
            r.writeString(c.connection().domainCapabilities(emulator, arch, machine, virtType, flags));
        });
        // libvirtd answers with the hypervisor driver's virConnectIsSecure, which is 1 for the
        // drivers local to the daemon (test, qemu, lxc); the client's remote driver ANDs it with
        // the security of its own transport (remoteConnectIsSecure), so a plain TCP client still
        // reports 0
        t.add(RemoteProc.CONNECT_IS_SECURE, "virConnectIsSecure", READ, (c, a, r) -> {
            c.connection();
            r.writeInt(1);
        });
        t.add(RemoteProc.CONNECT_GET_MAX_VCPUS, "virConnectGetMaxVcpus", READ, (c, a, r) -> {
            String type = a.readOptString();
            r.writeInt(c.connection().maxVcpus(type));
        });
        t.add(RemoteProc.NODE_GET_INFO, "virNodeGetInfo", READ, (c, a, r) -> {
            NodeInfo n = c.connection().nodeInfo();
            r.writeCharArray(n.model(), 32).writeHyper(n.memoryKiB()).writeInt(n.cpus())
                    .writeInt(n.mhz()).writeInt(n.nodes()).writeInt(n.sockets()).writeInt(n.cores())
                    .writeInt(n.threads());
        });
        t.add(RemoteProc.NODE_GET_CPU_MAP, "virNodeGetCPUMap", READ, (c, a, r) -> {
            boolean needMap = a.readInt() != 0;
            boolean needOnline = a.readInt() != 0;
            a.readInt();
            int cpus = hostCpus(c);
            byte[] map = new byte[needMap ? (cpus + 7) / 8 : 0];
            for (int i = 0; needMap && i < cpus; i++) {
                map[i / 8] |= (byte) (1 << (i % 8));
            }
            r.writeOpaque(map).writeInt(needOnline ? cpus : 0).writeInt(cpus);
        });
        t.add(RemoteProc.CONNECT_DOMAIN_XML_TO_NATIVE, "virConnectDomainXMLToNative", WRITE, (c, a, r) -> {
            String format = a.readString();
            String xml = a.readString();
            int flags = a.readInt();
            r.writeString(c.connection().domainXmlToNative(format, xml, flags));
        });
        t.add(RemoteProc.CONNECT_DOMAIN_XML_FROM_NATIVE, "virConnectDomainXMLFromNative", WRITE, (c, a, r) -> {
            String format = a.readString();
            String config = a.readString();
            int flags = a.readInt();
            r.writeString(c.connection().domainXmlFromNative(format, config, flags));
        });
    }

    /**
     * The node's CPU count: the driver's node info, or for drivers without it this host's present
     * CPUs, as libvirt's local drivers answer virNodeGetCPUMap from sysfs (virsh sizes vCPU
     * affinity maps with it).
     */
    private static int hostCpus(ClientContext c) throws VirtException {
        try {
            return c.connection().nodeInfo().cpus();
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            return HostCpus.present();
        }
    }

    /** libvirt's VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER, a property of the driver's networks. */
    private static final int FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER = 16;

    /** libvirtd's answers: keepalive before open, the remote features after, the driver's network feature. */
    private static boolean supports(ClientContext c, int feature) throws VirtException {
        if (feature == RemoteProc.FEATURE_PROGRAM_KEEPALIVE) {
            c.startKeepalive();
            return true;
        }
        Connection conn = c.connection();
        if (feature == FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER) {
            return conn.networkUpdateHasCorrectOrder();
        }
        return feature == RemoteProc.FEATURE_REMOTE_EVENT_CALLBACK
                || feature == RemoteProc.FEATURE_REMOTE_CLOSE_CALLBACK
                || feature == RemoteProc.FEATURE_TYPED_PARAM_STRING;
    }
}
