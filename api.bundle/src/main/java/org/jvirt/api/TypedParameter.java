package org.jvirt.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named, typed value: libvirt's {@code virTypedParameter}, as tuning and statistics calls take
 * and return them ({@code cpu_shares}, {@code hard_limit}, {@code balloon.current}).
 * <p>
 * Integer values are held as a {@code long}: {@link ParameterType#UINT} in 0..2^32-1 and
 * {@link ParameterType#ULLONG} as the unsigned reading of its 64 bits.
 *
 * @param field the parameter's name, at most {@link #FIELD_LENGTH} - 1 characters as in libvirt
 * @param type  the value's type
 * @param value a {@link Long} for the integer types, {@link Double}, {@link Boolean} or {@link String}
 */
public record TypedParameter(String field, ParameterType type, Object value) {
    /** libvirt's {@code VIR_TYPED_PARAM_FIELD_LENGTH}, the terminating NUL included. */
    public static final int FIELD_LENGTH = 80;

    public TypedParameter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (field.length() >= FIELD_LENGTH) {
            throw new IllegalArgumentException("Field name '" + field + "' too long");
        }
        boolean fits = switch (type) {
            case INT -> value instanceof Long l && l == l.intValue();
            case UINT -> value instanceof Long l && l >= 0 && l <= 0xFFFF_FFFFL;
            case LLONG, ULLONG -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
        };
        if (!fits) {
            throw new IllegalArgumentException("value " + value + " is not of type " + type + " for " + field);
        }
    }

    /**
     * libvirt's {@code virTypedParamsValidate}, as drivers check the parameters a tuning call gets:
     * known names only ({@link ErrorCode#ARGUMENT_UNSUPPORTED}), of the type {@code allowed} gives
     * them and each at most once ({@link ErrorCode#INVALID_ARG}).
     */
    public static void validate(List<TypedParameter> params, Map<String, ParameterType> allowed)
            throws VirtException {
        Set<String> seen = new HashSet<>();
        for (TypedParameter p : params) {
            ParameterType expected = allowed.get(p.field());
            if (expected == null) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' not supported");
            }
            if (expected != p.type()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid type '"
                        + p.type().name().toLowerCase() + "' for parameter '" + p.field() + "', expected '"
                        + expected.name().toLowerCase() + "'");
            }
            if (!seen.add(p.field())) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' occurs multiple times");
            }
        }
    }

    public static TypedParameter ofInt(String field, int v) {
        return new TypedParameter(field, ParameterType.INT, (long) v);
    }

    /** An unsigned int; {@code v} is read as unsigned. */
    public static TypedParameter ofUInt(String field, int v) {
        return new TypedParameter(field, ParameterType.UINT, Integer.toUnsignedLong(v));
    }

    public static TypedParameter ofLong(String field, long v) {
        return new TypedParameter(field, ParameterType.LLONG, v);
    }

    /** An unsigned long long; {@code v}'s 64 bits are read as unsigned. */
    public static TypedParameter ofULong(String field, long v) {
        return new TypedParameter(field, ParameterType.ULLONG, v);
    }

    public static TypedParameter ofDouble(String field, double v) {
        return new TypedParameter(field, ParameterType.DOUBLE, v);
    }

    public static TypedParameter ofBoolean(String field, boolean v) {
        return new TypedParameter(field, ParameterType.BOOLEAN, v);
    }

    public static TypedParameter ofString(String field, String v) {
        return new TypedParameter(field, ParameterType.STRING, v);
    }

    /** The value of an integer-typed parameter (unsigned types as their bits). */
    public long longValue() {
        if (value instanceof Long l) {
            return l;
        }
        throw new IllegalStateException(field + " is of type " + type + ", not an integer");
    }

    public double doubleValue() {
        if (value instanceof Double d) {
            return d;
        }
        throw new IllegalStateException(field + " is of type " + type + ", not a double");
    }

    public boolean booleanValue() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException(field + " is of type " + type + ", not a boolean");
    }

    public String stringValue() {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalStateException(field + " is of type " + type + ", not a string");
    }
}
