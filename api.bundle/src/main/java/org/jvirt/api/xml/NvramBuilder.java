package org.jvirt.api.xml;

/** Collects the values of a {@link Nvram}: from {@link Nvram#builder()} or {@link Nvram#toBuilder()}; not thread-safe. */
public final class NvramBuilder {
    Preserved other;
    DeviceInfo info;

    NvramBuilder() {
    }

    NvramBuilder(Nvram from) {
        other = from.other();
        info = from.info();
    }

    /** @see Nvram#other() */
    public NvramBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Nvram#info() */
    public NvramBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Nvram build() {
        return new Nvram(this);
    }
}
