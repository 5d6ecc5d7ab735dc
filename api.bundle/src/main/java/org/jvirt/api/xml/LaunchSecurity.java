package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <launchSecurity>} element: AMD SEV / SEV-SNP memory encryption or s390 protected
 * virtualization ({@code s390-pv}, no children).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class LaunchSecurity {
    private final String type;
    private final String kernelHashes;
    private final String authorKey;
    private final String vcek;
    private final Integer cbitpos;
    private final Integer reducedPhysBits;
    private final Long policy;
    private final String dhCert;
    private final String session;
    private final String guestVisibleWorkarounds;
    private final String idBlock;
    private final String idAuth;
    private final String hostData;
    private final Preserved other;

    private LaunchSecurity(Builder b) {
        this.type = b.type;
        this.kernelHashes = b.kernelHashes;
        this.authorKey = b.authorKey;
        this.vcek = b.vcek;
        this.cbitpos = b.cbitpos;
        this.reducedPhysBits = b.reducedPhysBits;
        this.policy = b.policy;
        this.dhCert = b.dhCert;
        this.session = b.session;
        this.guestVisibleWorkarounds = b.guestVisibleWorkarounds;
        this.idBlock = b.idBlock;
        this.idAuth = b.idAuth;
        this.hostData = b.hostData;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.kernelHashes = kernelHashes;
        b.authorKey = authorKey;
        b.vcek = vcek;
        b.cbitpos = cbitpos;
        b.reducedPhysBits = reducedPhysBits;
        b.policy = policy;
        b.dhCert = dhCert;
        b.session = session;
        b.guestVisibleWorkarounds = guestVisibleWorkarounds;
        b.idBlock = idBlock;
        b.idAuth = idAuth;
        b.hostData = hostData;
        b.other = other;
        return b;
    }

    /** {@code sev}, {@code sev-snp} or {@code s390-pv} */
    public String type() {
        return type;
    }

    /** sev: {@code kernelHashes=} ({@code yes}/{@code no}), or null */
    public String kernelHashes() {
        return kernelHashes;
    }

    /** sev-snp: {@code authorKey=} ({@code yes}/{@code no}), or null */
    public String authorKey() {
        return authorKey;
    }

    /** sev-snp: {@code vcek=} ({@code yes}/{@code no}), or null */
    public String vcek() {
        return vcek;
    }

    /** {@code <cbitpos>}: the C-bit position in a page table entry, or null */
    public Integer cbitpos() {
        return cbitpos;
    }

    /** {@code <reducedPhysBits>}: physical address bits lost to encryption, or null */
    public Integer reducedPhysBits() {
        return reducedPhysBits;
    }

    /** {@code <policy>}: the guest policy (written in hex), or null */
    public Long policy() {
        return policy;
    }

    /** sev: {@code <dhCert>}: the owner's Diffie-Hellman key (base64), or null */
    public String dhCert() {
        return dhCert;
    }

    /** sev: {@code <session>}: the session blob (base64), or null */
    public String session() {
        return session;
    }

    /** sev-snp: {@code <guestVisibleWorkarounds>} (base64), or null */
    public String guestVisibleWorkarounds() {
        return guestVisibleWorkarounds;
    }

    /** sev-snp: {@code <idBlock>} (base64), or null */
    public String idBlock() {
        return idBlock;
    }

    /** sev-snp: {@code <idAuth>} (base64), or null */
    public String idAuth() {
        return idAuth;
    }

    /** sev-snp: {@code <hostData>} (base64), or null */
    public String hostData() {
        return hostData;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public LaunchSecurity withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code kernelHashes} replaced. */
    public LaunchSecurity withKernelHashes(String newKernelHashes) {
        return toBuilder().kernelHashes(newKernelHashes).build();
    }

    /** A copy with {@code authorKey} replaced. */
    public LaunchSecurity withAuthorKey(String newAuthorKey) {
        return toBuilder().authorKey(newAuthorKey).build();
    }

    /** A copy with {@code vcek} replaced. */
    public LaunchSecurity withVcek(String newVcek) {
        return toBuilder().vcek(newVcek).build();
    }

    /** A copy with {@code cbitpos} replaced. */
    public LaunchSecurity withCbitpos(Integer newCbitpos) {
        return toBuilder().cbitpos(newCbitpos).build();
    }

    /** A copy with {@code reducedPhysBits} replaced. */
    public LaunchSecurity withReducedPhysBits(Integer newReducedPhysBits) {
        return toBuilder().reducedPhysBits(newReducedPhysBits).build();
    }

    /** A copy with {@code policy} replaced. */
    public LaunchSecurity withPolicy(Long newPolicy) {
        return toBuilder().policy(newPolicy).build();
    }

    /** A copy with {@code dhCert} replaced. */
    public LaunchSecurity withDhCert(String newDhCert) {
        return toBuilder().dhCert(newDhCert).build();
    }

    /** A copy with {@code session} replaced. */
    public LaunchSecurity withSession(String newSession) {
        return toBuilder().session(newSession).build();
    }

    /** A copy with {@code guestVisibleWorkarounds} replaced. */
    public LaunchSecurity withGuestVisibleWorkarounds(String newGuestVisibleWorkarounds) {
        return toBuilder().guestVisibleWorkarounds(newGuestVisibleWorkarounds).build();
    }

    /** A copy with {@code idBlock} replaced. */
    public LaunchSecurity withIdBlock(String newIdBlock) {
        return toBuilder().idBlock(newIdBlock).build();
    }

    /** A copy with {@code idAuth} replaced. */
    public LaunchSecurity withIdAuth(String newIdAuth) {
        return toBuilder().idAuth(newIdAuth).build();
    }

    /** A copy with {@code hostData} replaced. */
    public LaunchSecurity withHostData(String newHostData) {
        return toBuilder().hostData(newHostData).build();
    }

    /** A copy with {@code other} replaced. */
    public LaunchSecurity withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LaunchSecurity x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(kernelHashes, x.kernelHashes)
                && Objects.equals(authorKey, x.authorKey)
                && Objects.equals(vcek, x.vcek)
                && Objects.equals(cbitpos, x.cbitpos)
                && Objects.equals(reducedPhysBits, x.reducedPhysBits)
                && Objects.equals(policy, x.policy)
                && Objects.equals(dhCert, x.dhCert)
                && Objects.equals(session, x.session)
                && Objects.equals(guestVisibleWorkarounds, x.guestVisibleWorkarounds)
                && Objects.equals(idBlock, x.idBlock)
                && Objects.equals(idAuth, x.idAuth)
                && Objects.equals(hostData, x.hostData)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, kernelHashes, authorKey, vcek, cbitpos, reducedPhysBits, policy, dhCert, session, guestVisibleWorkarounds, idBlock, idAuth, hostData, other);
    }

    @Override
    public String toString() {
        return "LaunchSecurity[" + "type=" + type + ", "
                + "kernelHashes=" + kernelHashes + ", "
                + "authorKey=" + authorKey + ", "
                + "vcek=" + vcek + ", "
                + "cbitpos=" + cbitpos + ", "
                + "reducedPhysBits=" + reducedPhysBits + ", "
                + "policy=" + policy + ", "
                + "dhCert=" + dhCert + ", "
                + "session=" + session + ", "
                + "guestVisibleWorkarounds=" + guestVisibleWorkarounds + ", "
                + "idBlock=" + idBlock + ", "
                + "idAuth=" + idAuth + ", "
                + "hostData=" + hostData + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link LaunchSecurity}; not thread-safe. */
    public static final class Builder {
        private String type;
        private String kernelHashes;
        private String authorKey;
        private String vcek;
        private Integer cbitpos;
        private Integer reducedPhysBits;
        private Long policy;
        private String dhCert;
        private String session;
        private String guestVisibleWorkarounds;
        private String idBlock;
        private String idAuth;
        private String hostData;
        private Preserved other;

        private Builder() {
        }

        /** @see LaunchSecurity#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see LaunchSecurity#kernelHashes() */
        public Builder kernelHashes(String value) {
            this.kernelHashes = value;
            return this;
        }

        /** @see LaunchSecurity#authorKey() */
        public Builder authorKey(String value) {
            this.authorKey = value;
            return this;
        }

        /** @see LaunchSecurity#vcek() */
        public Builder vcek(String value) {
            this.vcek = value;
            return this;
        }

        /** @see LaunchSecurity#cbitpos() */
        public Builder cbitpos(Integer value) {
            this.cbitpos = value;
            return this;
        }

        /** @see LaunchSecurity#reducedPhysBits() */
        public Builder reducedPhysBits(Integer value) {
            this.reducedPhysBits = value;
            return this;
        }

        /** @see LaunchSecurity#policy() */
        public Builder policy(Long value) {
            this.policy = value;
            return this;
        }

        /** @see LaunchSecurity#dhCert() */
        public Builder dhCert(String value) {
            this.dhCert = value;
            return this;
        }

        /** @see LaunchSecurity#session() */
        public Builder session(String value) {
            this.session = value;
            return this;
        }

        /** @see LaunchSecurity#guestVisibleWorkarounds() */
        public Builder guestVisibleWorkarounds(String value) {
            this.guestVisibleWorkarounds = value;
            return this;
        }

        /** @see LaunchSecurity#idBlock() */
        public Builder idBlock(String value) {
            this.idBlock = value;
            return this;
        }

        /** @see LaunchSecurity#idAuth() */
        public Builder idAuth(String value) {
            this.idAuth = value;
            return this;
        }

        /** @see LaunchSecurity#hostData() */
        public Builder hostData(String value) {
            this.hostData = value;
            return this;
        }

        /** @see LaunchSecurity#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public LaunchSecurity build() {
            return new LaunchSecurity(this);
        }
    }
}
