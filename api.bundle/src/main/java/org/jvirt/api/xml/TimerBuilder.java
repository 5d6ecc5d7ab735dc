package org.jvirt.api.xml;

/** Collects the values of a {@link Timer}: from {@link Timer#builder()} or {@link Timer#toBuilder()}; not thread-safe. */
public final class TimerBuilder {
    String name;
    String present;
    String tickpolicy;
    String track;
    Long frequency;
    String mode;
    Integer catchupThreshold;
    Integer catchupSlew;
    Integer catchupLimit;
    Preserved other;

    TimerBuilder() {
    }

    TimerBuilder(Timer from) {
        name = from.name();
        present = from.present();
        tickpolicy = from.tickpolicy();
        track = from.track();
        frequency = from.frequency();
        mode = from.mode();
        catchupThreshold = from.catchupThreshold();
        catchupSlew = from.catchupSlew();
        catchupLimit = from.catchupLimit();
        other = from.other();
    }

    /** @see Timer#name() */
    public TimerBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see Timer#present() */
    public TimerBuilder present(String value) {
        this.present = value;
        return this;
    }

    /** @see Timer#tickpolicy() */
    public TimerBuilder tickpolicy(String value) {
        this.tickpolicy = value;
        return this;
    }

    /** @see Timer#track() */
    public TimerBuilder track(String value) {
        this.track = value;
        return this;
    }

    /** @see Timer#frequency() */
    public TimerBuilder frequency(Long value) {
        this.frequency = value;
        return this;
    }

    /** @see Timer#mode() */
    public TimerBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see Timer#catchupThreshold() */
    public TimerBuilder catchupThreshold(Integer value) {
        this.catchupThreshold = value;
        return this;
    }

    /** @see Timer#catchupSlew() */
    public TimerBuilder catchupSlew(Integer value) {
        this.catchupSlew = value;
        return this;
    }

    /** @see Timer#catchupLimit() */
    public TimerBuilder catchupLimit(Integer value) {
        this.catchupLimit = value;
        return this;
    }

    /** @see Timer#other() */
    public TimerBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Timer build() {
        return new Timer(this);
    }
}
