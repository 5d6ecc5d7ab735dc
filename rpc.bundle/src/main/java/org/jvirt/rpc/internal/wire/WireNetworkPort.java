package org.jvirt.rpc.internal.wire;

import java.util.UUID;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's {@code remote_nonnull_network_port}: its network, then its UUID. */
public record WireNetworkPort(WireNetwork network, UUID uuid) {

    public static WireNetworkPort read(XdrReader r) throws XdrException {
        return new WireNetworkPort(WireNetwork.read(r), r.readUuid());
    }

    public void write(XdrWriter w) {
        network.write(w);
        w.writeUuid(uuid);
    }
}
