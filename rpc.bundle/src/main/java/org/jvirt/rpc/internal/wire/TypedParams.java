package org.jvirt.rpc.internal.wire;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * {@code remote_typed_param} arrays, as libvirt's {@code virTypedParamsSerialize} and
 * {@code virTypedParamsDeserialize} write and read them: a field name, then the value as a union
 * discriminated by the {@link ParameterType} number.
 */
public final class TypedParams {
    /** The smallest encoded parameter: an empty name and an int. */
    private static final int MIN_BYTES = 12;

    private TypedParams() {
    }

    /**
     * Reads an array of at most {@code limit} parameters (the array bound of its
     * {@code remote_protocol.x} declaration; more fails to decode, as in libvirtd); an unknown type
     * is libvirt's "unknown parameter type" error.
     */
    public static List<TypedParameter> read(XdrReader in, int limit) throws XdrException, VirtException {
        int n = in.readCount(limit, MIN_BYTES, "typed parameters");
        List<TypedParameter> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String field = in.readString(TypedParameter.FIELD_LENGTH * 4);
            int number = in.readInt();
            ParameterType type = ParameterType.ofNumber(number);
            if (type == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "unknown parameter type: " + number);
            }
            Object value = switch (type) {
                case INT -> (long) in.readInt();
                case UINT -> Integer.toUnsignedLong(in.readInt());
                case LLONG, ULLONG -> in.readHyper();
                case DOUBLE -> Double.longBitsToDouble(in.readHyper());
                case BOOLEAN -> in.readInt() != 0;
                case STRING -> in.readString();
            };
            if (field.length() >= TypedParameter.FIELD_LENGTH) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "Parameter " + field + " too big for destination");
            }
            out.add(new TypedParameter(field, type, value));
        }
        return out;
    }

    /** Writes {@code params} as a {@code remote_typed_param} array. */
    public static void write(XdrWriter out, List<TypedParameter> params) {
        out.writeInt(params.size());
        for (TypedParameter p : params) {
            out.writeString(p.field());
            out.writeInt(p.type().number());
            switch (p.type()) {
                case INT, UINT -> out.writeInt((int) p.longValue());
                case LLONG, ULLONG -> out.writeHyper(p.longValue());
                case DOUBLE -> out.writeHyper(Double.doubleToRawLongBits(p.doubleValue()));
                case BOOLEAN -> out.writeInt(p.booleanValue() ? 1 : 0);
                case STRING -> out.writeString(p.stringValue());
            }
        }
    }
}
