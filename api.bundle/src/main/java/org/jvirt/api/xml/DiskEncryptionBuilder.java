package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link DiskEncryption}: from {@link DiskEncryption#builder()} or {@link DiskEncryption#toBuilder()}; not thread-safe. */
public final class DiskEncryptionBuilder {
    String format;
    String engine;
    List<DiskSecret> secrets;
    Preserved other;

    DiskEncryptionBuilder() {
    }

    DiskEncryptionBuilder(DiskEncryption from) {
        format = from.format();
        engine = from.engine();
        secrets = from.secrets();
        other = from.other();
    }

    /** @see DiskEncryption#format() */
    public DiskEncryptionBuilder format(String value) {
        this.format = value;
        return this;
    }

    /** @see DiskEncryption#engine() */
    public DiskEncryptionBuilder engine(String value) {
        this.engine = value;
        return this;
    }

    /** @see DiskEncryption#secrets() */
    public DiskEncryptionBuilder secrets(List<DiskSecret> value) {
        this.secrets = value;
        return this;
    }

    /** @see DiskEncryption#other() */
    public DiskEncryptionBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public DiskEncryption build() {
        return new DiskEncryption(this);
    }
}
