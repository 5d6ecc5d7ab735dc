package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A TPM's {@code <backend>}: a host device, an emulator (swtpm) or an external swtpm socket.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class TpmBackend {
    private final String type;
    private final String version;
    private final String persistentState;
    private final String debug;
    private final String devicePath;
    private final String encryptionSecret;
    private final String sourceType;
    private final String sourceMode;
    private final String sourcePath;
    private final List<String> activePcrBanks;
    private final Preserved other;

    private TpmBackend(Builder b) {
        this.type = b.type;
        this.version = b.version;
        this.persistentState = b.persistentState;
        this.debug = b.debug;
        this.devicePath = b.devicePath;
        this.encryptionSecret = b.encryptionSecret;
        this.sourceType = b.sourceType;
        this.sourceMode = b.sourceMode;
        this.sourcePath = b.sourcePath;
        this.activePcrBanks = List.copyOf(b.activePcrBanks == null ? List.of() : b.activePcrBanks);
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
        b.version = version;
        b.persistentState = persistentState;
        b.debug = debug;
        b.devicePath = devicePath;
        b.encryptionSecret = encryptionSecret;
        b.sourceType = sourceType;
        b.sourceMode = sourceMode;
        b.sourcePath = sourcePath;
        b.activePcrBanks = activePcrBanks;
        b.other = other;
        return b;
    }

    /** {@code passthrough}, {@code emulator} or {@code external} */
    public String type() {
        return type;
    }

    /** {@code 1.2} or {@code 2.0}, or null */
    public String version() {
        return version;
    }

    /** {@code persistent_state} ({@code yes}/{@code no}), or null */
    public String persistentState() {
        return persistentState;
    }

    /** {@code debug} level of swtpm, or null */
    public String debug() {
        return debug;
    }

    /** {@code <device path=>} of passthrough, or null */
    public String devicePath() {
        return devicePath;
    }

    /** {@code <encryption secret=>}: the UUID of the secret encrypting the state, or null */
    public String encryptionSecret() {
        return encryptionSecret;
    }

    /** {@code <source type=>} of external ({@code unix}) or of emulator ({@code file}, {@code dir}), or null */
    public String sourceType() {
        return sourceType;
    }

    /** {@code <source mode=>} of external ({@code connect}), or null */
    public String sourceMode() {
        return sourceMode;
    }

    /** {@code <source path=>}, or null */
    public String sourcePath() {
        return sourcePath;
    }

    /** the element names under {@code <active_pcr_banks>} ({@code sha1}, {@code sha256}, ...), in order */
    public List<String> activePcrBanks() {
        return activePcrBanks;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public TpmBackend withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code version} replaced. */
    public TpmBackend withVersion(String newVersion) {
        return toBuilder().version(newVersion).build();
    }

    /** A copy with {@code persistentState} replaced. */
    public TpmBackend withPersistentState(String newPersistentState) {
        return toBuilder().persistentState(newPersistentState).build();
    }

    /** A copy with {@code debug} replaced. */
    public TpmBackend withDebug(String newDebug) {
        return toBuilder().debug(newDebug).build();
    }

    /** A copy with {@code devicePath} replaced. */
    public TpmBackend withDevicePath(String newDevicePath) {
        return toBuilder().devicePath(newDevicePath).build();
    }

    /** A copy with {@code encryptionSecret} replaced. */
    public TpmBackend withEncryptionSecret(String newEncryptionSecret) {
        return toBuilder().encryptionSecret(newEncryptionSecret).build();
    }

    /** A copy with {@code sourceType} replaced. */
    public TpmBackend withSourceType(String newSourceType) {
        return toBuilder().sourceType(newSourceType).build();
    }

    /** A copy with {@code sourceMode} replaced. */
    public TpmBackend withSourceMode(String newSourceMode) {
        return toBuilder().sourceMode(newSourceMode).build();
    }

    /** A copy with {@code sourcePath} replaced. */
    public TpmBackend withSourcePath(String newSourcePath) {
        return toBuilder().sourcePath(newSourcePath).build();
    }

    /** A copy with {@code activePcrBanks} replaced. */
    public TpmBackend withActivePcrBanks(List<String> newActivePcrBanks) {
        return toBuilder().activePcrBanks(newActivePcrBanks).build();
    }

    /** A copy with {@code other} replaced. */
    public TpmBackend withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TpmBackend x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(version, x.version)
                && Objects.equals(persistentState, x.persistentState)
                && Objects.equals(debug, x.debug)
                && Objects.equals(devicePath, x.devicePath)
                && Objects.equals(encryptionSecret, x.encryptionSecret)
                && Objects.equals(sourceType, x.sourceType)
                && Objects.equals(sourceMode, x.sourceMode)
                && Objects.equals(sourcePath, x.sourcePath)
                && Objects.equals(activePcrBanks, x.activePcrBanks)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, version, persistentState, debug, devicePath, encryptionSecret, sourceType, sourceMode, sourcePath, activePcrBanks, other);
    }

    @Override
    public String toString() {
        return "TpmBackend[" + "type=" + type + ", "
                + "version=" + version + ", "
                + "persistentState=" + persistentState + ", "
                + "debug=" + debug + ", "
                + "devicePath=" + devicePath + ", "
                + "encryptionSecret=" + encryptionSecret + ", "
                + "sourceType=" + sourceType + ", "
                + "sourceMode=" + sourceMode + ", "
                + "sourcePath=" + sourcePath + ", "
                + "activePcrBanks=" + activePcrBanks + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link TpmBackend}; not thread-safe. */
    public static final class Builder {
        private String type;
        private String version;
        private String persistentState;
        private String debug;
        private String devicePath;
        private String encryptionSecret;
        private String sourceType;
        private String sourceMode;
        private String sourcePath;
        private List<String> activePcrBanks;
        private Preserved other;

        private Builder() {
        }

        /** @see TpmBackend#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see TpmBackend#version() */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /** @see TpmBackend#persistentState() */
        public Builder persistentState(String value) {
            this.persistentState = value;
            return this;
        }

        /** @see TpmBackend#debug() */
        public Builder debug(String value) {
            this.debug = value;
            return this;
        }

        /** @see TpmBackend#devicePath() */
        public Builder devicePath(String value) {
            this.devicePath = value;
            return this;
        }

        /** @see TpmBackend#encryptionSecret() */
        public Builder encryptionSecret(String value) {
            this.encryptionSecret = value;
            return this;
        }

        /** @see TpmBackend#sourceType() */
        public Builder sourceType(String value) {
            this.sourceType = value;
            return this;
        }

        /** @see TpmBackend#sourceMode() */
        public Builder sourceMode(String value) {
            this.sourceMode = value;
            return this;
        }

        /** @see TpmBackend#sourcePath() */
        public Builder sourcePath(String value) {
            this.sourcePath = value;
            return this;
        }

        /** @see TpmBackend#activePcrBanks() */
        public Builder activePcrBanks(List<String> value) {
            this.activePcrBanks = value;
            return this;
        }

        /** @see TpmBackend#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public TpmBackend build() {
            return new TpmBackend(this);
        }
    }
}
