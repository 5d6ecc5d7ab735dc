package org.jvirt.rpc.internal.wire;

import java.util.UUID;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's {@code remote_nonnull_domain}: how a domain travels on the wire. */
public record WireDomain(String name, UUID uuid, int id) {

    public static WireDomain read(XdrReader r) throws XdrException {
        return new WireDomain(r.readString(), r.readUuid(), r.readInt());
    }

    public void write(XdrWriter w) {
        w.writeString(name).writeUuid(uuid).writeInt(id);
    }

    /** A {@code remote_domain}: an optional domain. */
    public static WireDomain readOptional(XdrReader r) throws XdrException {
        return r.readBool() ? read(r) : null;
    }
}
