package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A disk's {@code <encryption>}: the format and engine, and the secrets holding its keys.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DiskEncryption {
    private final String format;
    private final String engine;
    private final List<DiskSecret> secrets;
    private final Preserved other;

    DiskEncryption(DiskEncryptionBuilder b) {
        this.format = b.format;
        this.engine = b.engine;
        this.secrets = List.copyOf(b.secrets == null ? List.of() : b.secrets);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DiskEncryptionBuilder builder() {
        return new DiskEncryptionBuilder();
    }

    /** A builder holding this object's values. */
    public DiskEncryptionBuilder toBuilder() {
        return new DiskEncryptionBuilder(this);
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

    /** A copy with {@code engine} replaced. */
    public DiskEncryption withEngine(String newEngine) {
        return toBuilder().engine(newEngine).build();
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
        return Objects.equals(format, x.format) && Objects.equals(engine, x.engine)
                && Objects.equals(secrets, x.secrets) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, engine, secrets, other);
    }

    @Override
    public String toString() {
        return "DiskEncryption[format=" + format + ", engine=" + engine + ", secrets=" + secrets
                + ", other=" + other + "]";
    }

}
