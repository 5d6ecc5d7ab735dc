package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Clock}: from {@link Clock#builder()} or {@link Clock#toBuilder()}; not thread-safe. */
public final class ClockBuilder {
    String offset;
    Long adjustment;
    boolean adjustmentReset;
    String basis;
    String timezone;
    List<Timer> timers;
    Long start;
    Preserved other;

    ClockBuilder() {
    }

    ClockBuilder(Clock from) {
        offset = from.offset();
        adjustment = from.adjustment();
        adjustmentReset = from.adjustmentReset();
        basis = from.basis();
        timezone = from.timezone();
        timers = from.timers();
        start = from.start();
        other = from.other();
    }

    /** @see Clock#offset() */
    public ClockBuilder offset(String value) {
        this.offset = value;
        return this;
    }

    /** @see Clock#adjustment() */
    public ClockBuilder adjustment(Long value) {
        this.adjustment = value;
        return this;
    }

    /** @see Clock#adjustmentReset() */
    public ClockBuilder adjustmentReset(boolean value) {
        this.adjustmentReset = value;
        return this;
    }

    /** @see Clock#basis() */
    public ClockBuilder basis(String value) {
        this.basis = value;
        return this;
    }

    /** @see Clock#timezone() */
    public ClockBuilder timezone(String value) {
        this.timezone = value;
        return this;
    }

    /** @see Clock#timers() */
    public ClockBuilder timers(List<Timer> value) {
        this.timers = value;
        return this;
    }

    /** @see Clock#start() */
    public ClockBuilder start(Long value) {
        this.start = value;
        return this;
    }

    /** @see Clock#other() */
    public ClockBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Clock build() {
        return new Clock(this);
    }
}
