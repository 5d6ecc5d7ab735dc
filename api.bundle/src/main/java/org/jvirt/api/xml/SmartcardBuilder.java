package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Smartcard}: from {@link Smartcard#builder()} or {@link Smartcard#toBuilder()}; not thread-safe. */
public final class SmartcardBuilder {
    String mode;
    List<String> certificates;
    String database;
    String type;
    CharSource source;
    Preserved other;
    DeviceInfo info;

    SmartcardBuilder() {
    }

    SmartcardBuilder(Smartcard from) {
        mode = from.mode();
        certificates = from.certificates();
        database = from.database();
        type = from.type();
        source = from.source();
        other = from.other();
        info = from.info();
    }

    /** @see Smartcard#mode() */
    public SmartcardBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see Smartcard#certificates() */
    public SmartcardBuilder certificates(List<String> value) {
        this.certificates = value;
        return this;
    }

    /** @see Smartcard#database() */
    public SmartcardBuilder database(String value) {
        this.database = value;
        return this;
    }

    /** @see Smartcard#type() */
    public SmartcardBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Smartcard#source() */
    public SmartcardBuilder source(CharSource value) {
        this.source = value;
        return this;
    }

    /** @see Smartcard#other() */
    public SmartcardBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Smartcard#info() */
    public SmartcardBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Smartcard build() {
        return new Smartcard(this);
    }
}
