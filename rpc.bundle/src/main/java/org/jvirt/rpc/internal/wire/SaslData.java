package org.jvirt.rpc.internal.wire;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The SASL data of AUTH_SASL_START/STEP, {@code char data<REMOTE_AUTH_SASL_DATA_MAX>}. XDR's
 * {@code char x<N>} is an array of chars, not opaque: each byte travels as a 4-byte int (xdr_char,
 * sign-extended).
 */
public final class SaslData {
    /** REMOTE_AUTH_SASL_DATA_MAX. */
    public static final int MAX = 65536;

    private SaslData() {
    }

    public static byte[] read(XdrReader r) throws XdrException {
        int n = r.readCount(MAX, 4, "SASL data");
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) r.readInt();
        }
        return out;
    }

    public static XdrWriter write(byte[] data, XdrWriter w) {
        w.writeInt(data.length);
        for (byte b : data) {
            w.writeInt(b);
        }
        return w;
    }
}
