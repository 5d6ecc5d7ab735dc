package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A disk's {@code <encryption>}: the format and engine, and the secrets holding its keys.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class DiskEncryption {
    private final String format;
    private final String engine;
    private final List<DiskSecret> secrets;
    private final Preserved other;

    private DiskEncryption(Builder b) {
        this.format = b.format;
        this.engine = b.engine;
        this.secrets = List.copyOf(b.secrets == null ? List.of() : b.secrets);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.engine = engine;
        b.secrets = secrets;
        b.other = other;
        return b;
    }

    /** {@code luks}, {@code luks2}, {@code qcow}, ..., or null */
    public String format() {
        return format;
    }

    /** {@code qemu} or {@code librbd}, or null */
    public String engine() {
        return engine;
    }

    /** the {@code <secret>} children, in order */
    public List<DiskSecret> secrets() {
        return secrets;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code format} replaced. */
    public DiskEncryption withFormat(String newFormat) {
        return toBuilder().format(newFormat).build();
    }

    /** A copy with {@code engine} replaced. */
    public DiskEncryption withEngine(String newEngine) {
        return toBuilder().engine(newEngine).build();
    }

    /** A copy with {@code secrets} replaced. */
    public DiskEncryption withSecrets(List<DiskSecret> newSecrets) {
        return toBuilder().secrets(newSecrets).build();
    }

    /** A copy with {@code other} replaced. */
    public DiskEncryption withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DiskEncryption x)) {
            return false;
        }
        return Objects.equals(format, x.format)
                && Objects.equals(engine, x.engine)
                && Objects.equals(secrets, x.secrets)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, engine, secrets, other);
    }

    @Override
    public String toString() {
        return "DiskEncryption[" + "format=" + format + ", "
                + "engine=" + engine + ", "
                + "secrets=" + secrets + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link DiskEncryption}; not thread-safe. */
    public static final class Builder {
        private String format;
        private String engine;
        private List<DiskSecret> secrets;
        private Preserved other;

        private Builder() {
        }

        /** @see DiskEncryption#format() */
        public Builder format(String value) {
            this.format = value;
            return this;
        }

        /** @see DiskEncryption#engine() */
        public Builder engine(String value) {
            this.engine = value;
            return this;
        }

        /** @see DiskEncryption#secrets() */
        public Builder secrets(List<DiskSecret> value) {
            this.secrets = value;
            return this;
        }

        /** @see DiskEncryption#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public DiskEncryption build() {
            return new DiskEncryption(this);
        }
    }
}
