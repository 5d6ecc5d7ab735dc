package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A TPM's {@code <backend>}: a host device, an emulator (swtpm) or an external swtpm socket.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    TpmBackend(TpmBackendBuilder b) {
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
    public static TpmBackendBuilder builder() {
        return new TpmBackendBuilder();
    }

    /** A builder holding this object's values. */
    public TpmBackendBuilder toBuilder() {
        return new TpmBackendBuilder(this);
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
        return Objects.equals(type, x.type) && Objects.equals(version, x.version)
                && Objects.equals(persistentState, x.persistentState) && Objects.equals(debug, x.debug)
                && Objects.equals(devicePath, x.devicePath)
                && Objects.equals(encryptionSecret, x.encryptionSecret)
                && Objects.equals(sourceType, x.sourceType) && Objects.equals(sourceMode, x.sourceMode)
                && Objects.equals(sourcePath, x.sourcePath)
                && Objects.equals(activePcrBanks, x.activePcrBanks) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, version, persistentState, debug, devicePath, encryptionSecret, sourceType,
                sourceMode, sourcePath, activePcrBanks, other);
    }

    @Override
    public String toString() {
        return "TpmBackend[type=" + type + ", version=" + version + ", persistentState=" + persistentState
                + ", debug=" + debug + ", devicePath=" + devicePath + ", encryptionSecret=" + encryptionSecret
                + ", sourceType=" + sourceType + ", sourceMode=" + sourceMode + ", sourcePath=" + sourcePath
                + ", activePcrBanks=" + activePcrBanks + ", other=" + other + "]";
    }

}
