package org.jvirt.rpc.internal.wire;

import java.util.UUID;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's {@code remote_nonnull_secret}: how a secret travels on the wire. */
public record WireSecret(UUID uuid, int usageType, String usageId) {

    public static WireSecret read(XdrReader r) throws XdrException {
        return new WireSecret(r.readUuid(), r.readInt(), r.readString());
    }

    public void write(XdrWriter w) {
        w.writeUuid(uuid).writeInt(usageType).writeString(usageId);
    }

    /** A {@code remote_secret}: an optional secret. */
    public static WireSecret readOptional(XdrReader r) throws XdrException {
        return r.readBool() ? read(r) : null;
    }
}
