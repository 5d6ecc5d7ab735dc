package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <launchSecurity>} element: AMD SEV / SEV-SNP memory encryption or s390 protected
 * virtualization ({@code s390-pv}, no children).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    LaunchSecurity(LaunchSecurityBuilder b) {
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
    public static LaunchSecurityBuilder builder() {
        return new LaunchSecurityBuilder();
    }

    /** A builder holding this object's values. */
    public LaunchSecurityBuilder toBuilder() {
        return new LaunchSecurityBuilder(this);
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
        return Objects.equals(type, x.type) && Objects.equals(kernelHashes, x.kernelHashes)
                && Objects.equals(authorKey, x.authorKey) && Objects.equals(vcek, x.vcek)
                && Objects.equals(cbitpos, x.cbitpos) && Objects.equals(reducedPhysBits, x.reducedPhysBits)
                && Objects.equals(policy, x.policy) && Objects.equals(dhCert, x.dhCert)
                && Objects.equals(session, x.session)
                && Objects.equals(guestVisibleWorkarounds, x.guestVisibleWorkarounds)
                && Objects.equals(idBlock, x.idBlock) && Objects.equals(idAuth, x.idAuth)
                && Objects.equals(hostData, x.hostData) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, kernelHashes, authorKey, vcek, cbitpos, reducedPhysBits, policy, dhCert,
                session, guestVisibleWorkarounds, idBlock, idAuth, hostData, other);
    }

    @Override
    public String toString() {
        return "LaunchSecurity[type=" + type + ", kernelHashes=" + kernelHashes + ", authorKey=" + authorKey
                + ", vcek=" + vcek + ", cbitpos=" + cbitpos + ", reducedPhysBits=" + reducedPhysBits
                + ", policy=" + policy + ", dhCert=" + dhCert + ", session=" + session
                + ", guestVisibleWorkarounds=" + guestVisibleWorkarounds + ", idBlock=" + idBlock
                + ", idAuth=" + idAuth + ", hostData=" + hostData + ", other=" + other + "]";
    }

}
