package org.jvirt.rpc.internal.wire;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's {@code remote_nonnull_storage_vol}: how a storage volume travels on the wire. */
public record WireStorageVol(String pool, String name, String key) {

    public static WireStorageVol read(XdrReader r) throws XdrException {
        return new WireStorageVol(r.readString(), r.readString(), r.readString());
    }

    public void write(XdrWriter w) {
        w.writeString(pool).writeString(name).writeString(key);
    }
}
