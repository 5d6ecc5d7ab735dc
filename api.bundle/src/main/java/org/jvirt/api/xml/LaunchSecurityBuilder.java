package org.jvirt.api.xml;

/** Collects the values of a {@link LaunchSecurity}: from {@link LaunchSecurity#builder()} or {@link LaunchSecurity#toBuilder()}; not thread-safe. */
public final class LaunchSecurityBuilder {
    String type;
    String kernelHashes;
    String authorKey;
    String vcek;
    Integer cbitpos;
    Integer reducedPhysBits;
    Long policy;
    String dhCert;
    String session;
    String guestVisibleWorkarounds;
    String idBlock;
    String idAuth;
    String hostData;
    Preserved other;

    LaunchSecurityBuilder() {
    }

    LaunchSecurityBuilder(LaunchSecurity from) {
        type = from.type();
        kernelHashes = from.kernelHashes();
        authorKey = from.authorKey();
        vcek = from.vcek();
        cbitpos = from.cbitpos();
        reducedPhysBits = from.reducedPhysBits();
        policy = from.policy();
        dhCert = from.dhCert();
        session = from.session();
        guestVisibleWorkarounds = from.guestVisibleWorkarounds();
        idBlock = from.idBlock();
        idAuth = from.idAuth();
        hostData = from.hostData();
        other = from.other();
    }

    /** @see LaunchSecurity#type() */
    public LaunchSecurityBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see LaunchSecurity#kernelHashes() */
    public LaunchSecurityBuilder kernelHashes(String value) {
        this.kernelHashes = value;
        return this;
    }

    /** @see LaunchSecurity#authorKey() */
    public LaunchSecurityBuilder authorKey(String value) {
        this.authorKey = value;
        return this;
    }

    /** @see LaunchSecurity#vcek() */
    public LaunchSecurityBuilder vcek(String value) {
        this.vcek = value;
        return this;
    }

    /** @see LaunchSecurity#cbitpos() */
    public LaunchSecurityBuilder cbitpos(Integer value) {
        this.cbitpos = value;
        return this;
    }

    /** @see LaunchSecurity#reducedPhysBits() */
    public LaunchSecurityBuilder reducedPhysBits(Integer value) {
        this.reducedPhysBits = value;
        return this;
    }

    /** @see LaunchSecurity#policy() */
    public LaunchSecurityBuilder policy(Long value) {
        this.policy = value;
        return this;
    }

    /** @see LaunchSecurity#dhCert() */
    public LaunchSecurityBuilder dhCert(String value) {
        this.dhCert = value;
        return this;
    }

    /** @see LaunchSecurity#session() */
    public LaunchSecurityBuilder session(String value) {
        this.session = value;
        return this;
    }

    /** @see LaunchSecurity#guestVisibleWorkarounds() */
    public LaunchSecurityBuilder guestVisibleWorkarounds(String value) {
        this.guestVisibleWorkarounds = value;
        return this;
    }

    /** @see LaunchSecurity#idBlock() */
    public LaunchSecurityBuilder idBlock(String value) {
        this.idBlock = value;
        return this;
    }

    /** @see LaunchSecurity#idAuth() */
    public LaunchSecurityBuilder idAuth(String value) {
        this.idAuth = value;
        return this;
    }

    /** @see LaunchSecurity#hostData() */
    public LaunchSecurityBuilder hostData(String value) {
        this.hostData = value;
        return this;
    }

    /** @see LaunchSecurity#other() */
    public LaunchSecurityBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public LaunchSecurity build() {
        return new LaunchSecurity(this);
    }
}
