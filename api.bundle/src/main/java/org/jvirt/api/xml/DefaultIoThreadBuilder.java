package org.jvirt.api.xml;

/** Collects the values of a {@link DefaultIoThread}: from {@link DefaultIoThread#builder()} or {@link DefaultIoThread#toBuilder()}; not thread-safe. */
public final class DefaultIoThreadBuilder {
    Integer threadPoolMin;
    Integer threadPoolMax;
    Preserved other;

    DefaultIoThreadBuilder() {
    }

    DefaultIoThreadBuilder(DefaultIoThread from) {
        threadPoolMin = from.threadPoolMin();
        threadPoolMax = from.threadPoolMax();
        other = from.other();
    }

    /** @see DefaultIoThread#threadPoolMin() */
    public DefaultIoThreadBuilder threadPoolMin(Integer value) {
        this.threadPoolMin = value;
        return this;
    }

    /** @see DefaultIoThread#threadPoolMax() */
    public DefaultIoThreadBuilder threadPoolMax(Integer value) {
        this.threadPoolMax = value;
        return this;
    }

    /** @see DefaultIoThread#other() */
    public DefaultIoThreadBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public DefaultIoThread build() {
        return new DefaultIoThread(this);
    }
}
