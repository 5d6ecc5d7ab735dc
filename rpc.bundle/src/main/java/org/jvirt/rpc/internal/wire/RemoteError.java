package org.jvirt.rpc.internal.wire;

import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's {@code remote_error} / {@code virNetMessageError}: the payload of a REPLY with status
 * ERROR. Only code, domain, message and level carry meaning for clients; the rest is sent empty
 * like libvirtd does for most errors.
 */
public record RemoteError(int code, int domain, String message, int level) {
    /** VIR_ERR_ERROR. */
    public static final int LEVEL_ERROR = 2;

    public static RemoteError of(VirtException e) {
        return new RemoteError(e.rawCode(), e.domain().number(), e.getMessage(), LEVEL_ERROR);
    }

    public VirtException toException() {
        return new VirtException(code, domain, message == null ? "unknown error" : message);
    }

    public byte[] encode() {
        XdrWriter w = new XdrWriter(64 + (message == null ? 0 : message.length() * 2));
        w.writeInt(code).writeInt(domain).writeOptString(message).writeInt(level);
        w.writeInt(0);                         // dom: null
        w.writeOptString(null).writeOptString(null).writeOptString(null);
        w.writeInt(0).writeInt(0);             // int1, int2
        w.writeInt(0);                         // net: null
        return w.toByteArray();
    }

    public static RemoteError decode(XdrReader r) throws XdrException {
        int code = r.readInt();
        int domain = r.readInt();
        String message = r.readOptString();
        int level = r.readInt();
        WireDomain.readOptional(r);
        r.readOptString();
        r.readOptString();
        r.readOptString();
        r.readInt();
        r.readInt();
        if (r.readBool()) {                    // remote_nonnull_network: name, uuid
            r.readString();
            r.readUuid();
        }
        return new RemoteError(code, domain, message, level);
    }
}
