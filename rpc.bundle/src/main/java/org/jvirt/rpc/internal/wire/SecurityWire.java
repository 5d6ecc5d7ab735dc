package org.jvirt.rpc.internal.wire;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The wire forms of security models and labels: remote_protocol.x declares them as
 * {@code char x<MAX>}, which rpcgen encodes as a counted array of 4-byte units, and libvirtd
 * sends the C string with its terminating NUL ({@code strlen + 1}).
 */
public final class SecurityWire {
    /** REMOTE_SECURITY_MODEL_MAX, _DOI_MAX (VIR_SECURITY_*_BUFLEN: 256 + 1) and _LABEL_MAX (4096 + 1). */
    public static final int MODEL_MAX = 257;
    public static final int DOI_MAX = 257;
    public static final int LABEL_MAX = 4097;
    /** REMOTE_SECURITY_LABEL_LIST_MAX. */
    public static final int LABEL_LIST_MAX = 64;

    private SecurityWire() {
    }

    /** {@code remote_node_get_security_model_ret}. */
    public static void writeModel(XdrWriter w, SecurityModel m) {
        writeChars(w, m.model());
        writeChars(w, m.doi());
    }

    public static SecurityModel readModel(XdrReader r) throws XdrException {
        return new SecurityModel(readChars(r, MODEL_MAX), readChars(r, DOI_MAX));
    }

    /** {@code remote_domain_get_security_label_ret}. */
    public static void writeLabel(XdrWriter w, SecurityLabel l) {
        writeChars(w, l.label());
        w.writeInt(l.enforcing() ? 1 : 0);
    }

    public static SecurityLabel readLabel(XdrReader r) throws XdrException {
        return new SecurityLabel(readChars(r, LABEL_MAX), r.readInt() != 0);
    }

    /** A C string as {@code char x<>}: its bytes and a NUL, each in a 4-byte unit. */
    static void writeChars(XdrWriter w, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        w.writeInt(b.length + 1);
        for (byte c : b) {
            w.writeInt(c);
        }
        w.writeInt(0);
    }

    /** {@code char x<max>} up to its first NUL. */
    static String readChars(XdrReader r, int max) throws XdrException {
        int n = r.readCount(max, 4, "char array");
        byte[] b = new byte[n];
        int len = n;
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.readInt();
            if (b[i] == 0 && len == n) {
                len = i;
            }
        }
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }
}
