package org.jvirt.rpc.internal.dispatch;

import org.jvirt.api.ParameterType;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/**
 * Decoding of a {@code remote_typed_param<N>} array as rpcgen's xdr_remote_typed_param does it in
 * libvirtd: a field name (an unbounded {@code remote_nonnull_string}; its 80-byte limit is checked
 * later, by virTypedParamsDeserialize) and a {@code remote_typed_param_value} union, whose
 * discriminant must be one of its arms (the union has no default arm, so xdr_union fails on any
 * other type number and the call is "Unable to decode message payload").
 */
final class TypedParamsArg {
    /** The smallest encoded parameter: an empty name, the type and an int. */
    private static final int MIN_BYTES = 12;

    private TypedParamsArg() {
    }

    /** The declaration as remote_protocol.x writes it, the bound as a number. */
    static String declared(int max) {
        return "remote_typed_param<" + max + ">";
    }

    static void skip(XdrReader r, int max) throws XdrException {
        int n = r.readCount(max, MIN_BYTES, "typed parameters");
        for (int k = 0; k < n; k++) {
            r.skipString(XdrReader.STRING_MAX);
            int number = r.readInt();
            ParameterType type = ParameterType.ofNumber(number);
            if (type == null) {
                throw new XdrException("typed parameter type " + number + " is not an arm of remote_typed_param_value");
            }
            switch (type) {
                case INT, UINT, BOOLEAN -> r.readInt();
                case LLONG, ULLONG, DOUBLE -> r.readHyper();
                case STRING -> r.skipString(XdrReader.STRING_MAX);
            }
        }
    }
}
