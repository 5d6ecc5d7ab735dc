package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A disk's {@code <auth>}: the user and the libvirt secret that holds the password.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class DiskAuth {
    private final String username;
    private final DiskSecret secret;
    private final Preserved other;

    private DiskAuth(Builder b) {
        this.username = b.username;
        this.secret = b.secret;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.username = username;
        b.secret = secret;
        b.other = other;
        return b;
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

    /** A copy with {@code username} replaced. */
    public DiskAuth withUsername(String newUsername) {
        return toBuilder().username(newUsername).build();
    }

    /** A copy with {@code secret} replaced. */
    public DiskAuth withSecret(DiskSecret newSecret) {
        return toBuilder().secret(newSecret).build();
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
        return Objects.equals(username, x.username)
                && Objects.equals(secret, x.secret)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, secret, other);
    }

    @Override
    public String toString() {
        return "DiskAuth[" + "username=" + username + ", "
                + "secret=" + secret + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link DiskAuth}; not thread-safe. */
    public static final class Builder {
        private String username;
        private DiskSecret secret;
        private Preserved other;

        private Builder() {
        }

        /** @see DiskAuth#username() */
        public Builder username(String value) {
            this.username = value;
            return this;
        }

        /** @see DiskAuth#secret() */
        public Builder secret(DiskSecret value) {
            this.secret = value;
            return this;
        }

        /** @see DiskAuth#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public DiskAuth build() {
            return new DiskAuth(this);
        }
    }
}
