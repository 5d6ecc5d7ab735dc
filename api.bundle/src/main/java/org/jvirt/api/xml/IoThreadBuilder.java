package org.jvirt.api.xml;

/** Collects the values of a {@link IoThread}: from {@link IoThread#builder()} or {@link IoThread#toBuilder()}; not thread-safe. */
public final class IoThreadBuilder {
    int id;
    Integer threadPoolMin;
    Integer threadPoolMax;
    Long pollMaxNs;
    Long pollGrow;
    Long pollShrink;
    Preserved other;

    IoThreadBuilder() {
    }

    IoThreadBuilder(IoThread from) {
        id = from.id();
        threadPoolMin = from.threadPoolMin();
        threadPoolMax = from.threadPoolMax();
        pollMaxNs = from.pollMaxNs();
        pollGrow = from.pollGrow();
        pollShrink = from.pollShrink();
        other = from.other();
    }

    /** @see IoThread#id() */
    public IoThreadBuilder id(int value) {
        this.id = value;
        return this;
    }

    /** @see IoThread#threadPoolMin() */
    public IoThreadBuilder threadPoolMin(Integer value) {
        this.threadPoolMin = value;
        return this;
    }

    /** @see IoThread#threadPoolMax() */
    public IoThreadBuilder threadPoolMax(Integer value) {
        this.threadPoolMax = value;
        return this;
    }

    /** @see IoThread#pollMaxNs() */
    public IoThreadBuilder pollMaxNs(Long value) {
        this.pollMaxNs = value;
        return this;
    }

    /** @see IoThread#pollGrow() */
    public IoThreadBuilder pollGrow(Long value) {
        this.pollGrow = value;
        return this;
    }

    /** @see IoThread#pollShrink() */
    public IoThreadBuilder pollShrink(Long value) {
        this.pollShrink = value;
        return this;
    }

    /** @see IoThread#other() */
    public IoThreadBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public IoThread build() {
        return new IoThread(this);
    }
}
