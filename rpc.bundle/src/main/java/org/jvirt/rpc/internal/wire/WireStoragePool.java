package org.jvirt.rpc.internal.wire;

import java.util.UUID;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's {@code remote_nonnull_storage_pool}: how a storage pool travels on the wire. */
public record WireStoragePool(String name, UUID uuid) {

    public static WireStoragePool read(XdrReader r) throws XdrException {
        return new WireStoragePool(r.readString(), r.readUuid());
    }

    public void write(XdrWriter w) {
        w.writeString(name).writeUuid(uuid);
    }

    /** A {@code remote_storage_pool}: an optional pool. */
    public static WireStoragePool readOptional(XdrReader r) throws XdrException {
        return r.readBool() ? read(r) : null;
    }
}
