package org.jvirt.rpc.internal.wire;

import java.util.UUID;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's {@code remote_nonnull_network}: how a network travels on the wire. */
public record WireNetwork(String name, UUID uuid) {

    public static WireNetwork read(XdrReader r) throws XdrException {
        return new WireNetwork(r.readString(), r.readUuid());
    }

    public void write(XdrWriter w) {
        w.writeString(name).writeUuid(uuid);
    }

    /** A {@code remote_network}: an optional network (a present flag, then the network). */
    public static WireNetwork readOptional(XdrReader r) throws XdrException {
        return r.readBool() ? read(r) : null;
    }
}
