package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link TpmBackend}: from {@link TpmBackend#builder()} or {@link TpmBackend#toBuilder()}; not thread-safe. */
public final class TpmBackendBuilder {
    String type;
    String version;
    String persistentState;
    String debug;
    String devicePath;
    String encryptionSecret;
    String sourceType;
    String sourceMode;
    String sourcePath;
    List<String> activePcrBanks;
    Preserved other;

    TpmBackendBuilder() {
    }

    TpmBackendBuilder(TpmBackend from) {
        type = from.type();
        version = from.version();
        persistentState = from.persistentState();
        debug = from.debug();
        devicePath = from.devicePath();
        encryptionSecret = from.encryptionSecret();
        sourceType = from.sourceType();
        sourceMode = from.sourceMode();
        sourcePath = from.sourcePath();
        activePcrBanks = from.activePcrBanks();
        other = from.other();
    }

    /** @see TpmBackend#type() */
    public TpmBackendBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see TpmBackend#version() */
    public TpmBackendBuilder version(String value) {
        this.version = value;
        return this;
    }

    /** @see TpmBackend#persistentState() */
    public TpmBackendBuilder persistentState(String value) {
        this.persistentState = value;
        return this;
    }

    /** @see TpmBackend#debug() */
    public TpmBackendBuilder debug(String value) {
        this.debug = value;
        return this;
    }

    /** @see TpmBackend#devicePath() */
    public TpmBackendBuilder devicePath(String value) {
        this.devicePath = value;
        return this;
    }

    /** @see TpmBackend#encryptionSecret() */
    public TpmBackendBuilder encryptionSecret(String value) {
        this.encryptionSecret = value;
        return this;
    }

    /** @see TpmBackend#sourceType() */
    public TpmBackendBuilder sourceType(String value) {
        this.sourceType = value;
        return this;
    }

    /** @see TpmBackend#sourceMode() */
    public TpmBackendBuilder sourceMode(String value) {
        this.sourceMode = value;
        return this;
    }

    /** @see TpmBackend#sourcePath() */
    public TpmBackendBuilder sourcePath(String value) {
        this.sourcePath = value;
        return this;
    }

    /** @see TpmBackend#activePcrBanks() */
    public TpmBackendBuilder activePcrBanks(List<String> value) {
        this.activePcrBanks = value;
        return this;
    }

    /** @see TpmBackend#other() */
    public TpmBackendBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public TpmBackend build() {
        return new TpmBackend(this);
    }
}
