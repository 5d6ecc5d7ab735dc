package org.jvirt.rpc.internal.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The connection-wide part of {@link RemoteDriverConnection}: the host (type, versions, capabilities,
 * node information), listing, looking up, defining and converting domains, each one RPC.
 */
abstract class RemoteHostCalls implements DriverConnection {
    /** The typed RPC helpers of this connection. */
    final RemoteCalls rpc;

    RemoteHostCalls(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public String type() throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_TYPE, new XdrWriter());
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_GET_VERSION, new XdrWriter());
        return rpc.decode(r::readHyper);
    }

    @Override
    public String hostname() throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_HOSTNAME, new XdrWriter());
    }

    @Override
    public String capabilities() throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_CAPABILITIES, new XdrWriter());
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NODE_GET_INFO, new XdrWriter());
        return rpc.decode(() -> new NodeInfo(r.readCharArray(32), r.readHyper(), r.readInt(), r.readInt(),
                r.readInt(), r.readInt(), r.readInt(), r.readInt()));
    }

    @Override
    public int maxVcpus(String type) throws VirtException {
        return rpc.integer(RemoteProc.CONNECT_GET_MAX_VCPUS, new XdrWriter().writeOptString(type));
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        return rpc.domains(RemoteProc.CONNECT_LIST_ALL_DOMAINS, new XdrWriter().writeInt(1).writeInt(flags));
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_LOOKUP_BY_NAME, new XdrWriter().writeString(name));
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_LOOKUP_BY_UUID, new XdrWriter().writeUuid(uuid));
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_LOOKUP_BY_ID, new XdrWriter().writeInt(id));
    }

    /**
     * A handle without a round trip: every domain call sends its {@code remote_nonnull_domain}, of
     * which the server makes a handle in turn (libvirtd's {@code get_nonnull_domain}) and whose
     * driver finds the domain by UUID, so a domain that does not exist fails the call itself with the
     * server's NO_DOMAIN. Without a name there is no {@code remote_nonnull_domain} to send: the core
     * then looks the domain up first.
     */
    @Override
    public Optional<DomainRef> domainHandle(String name, UUID uuid, int id) {
        return name == null ? Optional.empty() : Optional.of(new DomainRef(name, uuid, id));
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_DEFINE_XML_FLAGS, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public DomainRef createXml(String xml, int flags) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_CREATE_XML, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public String domainCapabilities(String emulatorBin, String arch, String machine, String virtType, int flags)
            throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_DOMAIN_CAPABILITIES, new XdrWriter().writeOptString(emulatorBin)
                .writeOptString(arch).writeOptString(machine).writeOptString(virtType).writeInt(flags));
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        return rpc.string(RemoteProc.CONNECT_DOMAIN_XML_TO_NATIVE,
                new XdrWriter().writeString(nativeFormat).writeString(xml).writeInt(flags));
    }

    @Override
    public String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException {
        return rpc.string(RemoteProc.CONNECT_DOMAIN_XML_FROM_NATIVE,
                new XdrWriter().writeString(nativeFormat).writeString(nativeConfig).writeInt(flags));
    }

    @Override
    public SecurityModel securityModel() throws VirtException {
        return RemoteSecurityLabels.model(rpc);
    }
}
