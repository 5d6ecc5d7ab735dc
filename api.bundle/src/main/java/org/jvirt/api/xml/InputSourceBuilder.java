package org.jvirt.api.xml;

/** Collects the values of a {@link InputSource}: from {@link InputSource#builder()} or {@link InputSource#toBuilder()}; not thread-safe. */
public final class InputSourceBuilder {
    String evdev;
    String dev;
    String grab;
    String grabToggle;
    String repeat;
    Preserved other;

    InputSourceBuilder() {
    }

    InputSourceBuilder(InputSource from) {
        evdev = from.evdev();
        dev = from.dev();
        grab = from.grab();
        grabToggle = from.grabToggle();
        repeat = from.repeat();
        other = from.other();
    }

    /** @see InputSource#evdev() */
    public InputSourceBuilder evdev(String value) {
        this.evdev = value;
        return this;
    }

    /** @see InputSource#dev() */
    public InputSourceBuilder dev(String value) {
        this.dev = value;
        return this;
    }

    /** @see InputSource#grab() */
    public InputSourceBuilder grab(String value) {
        this.grab = value;
        return this;
    }

    /** @see InputSource#grabToggle() */
    public InputSourceBuilder grabToggle(String value) {
        this.grabToggle = value;
        return this;
    }

    /** @see InputSource#repeat() */
    public InputSourceBuilder repeat(String value) {
        this.repeat = value;
        return this;
    }

    /** @see InputSource#other() */
    public InputSourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public InputSource build() {
        return new InputSource(this);
    }
}
