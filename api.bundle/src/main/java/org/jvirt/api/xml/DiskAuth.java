package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A disk's {@code <auth>}: the user and the libvirt secret that holds the password.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DiskAuth {
    private final String username;
    private final DiskSecret secret;
    private final Preserved other;

    DiskAuth(DiskAuthBuilder b) {
        this.username = b.username;
        this.secret = b.secret;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DiskAuthBuilder builder() {
        return new DiskAuthBuilder();
    }

    /** A builder holding this object's values. */
    public DiskAuthBuilder toBuilder() {
        return new DiskAuthBuilder(this);
    }

    /** the user name, or null */
    public String username() {
        return username;
    }

    /** the {@code <secret>}, or null */
    public DiskSecret secret() {
        return secret;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code other} replaced. */
    public DiskAuth withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DiskAuth x)) {
            return false;
        }
        return Objects.equals(username, x.username) && Objects.equals(secret, x.secret)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, secret, other);
    }

    @Override
    public String toString() {
        return "DiskAuth[username=" + username + ", secret=" + secret + ", other=" + other + "]";
    }

}
