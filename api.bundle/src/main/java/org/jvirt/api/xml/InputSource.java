package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An input device's {@code <source>}: {@code evdev=} for passthrough, {@code dev=} and the grab options for evdev.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class InputSource {
    private final String evdev;
    private final String dev;
    private final String grab;
    private final String grabToggle;
    private final String repeat;
    private final Preserved other;

    private InputSource(Builder b) {
        this.evdev = b.evdev;
        this.dev = b.dev;
        this.grab = b.grab;
        this.grabToggle = b.grabToggle;
        this.repeat = b.repeat;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.evdev = evdev;
        b.dev = dev;
        b.grab = grab;
        b.grabToggle = grabToggle;
        b.repeat = repeat;
        b.other = other;
        return b;
    }

    /** the host event device of a passthrough input, or null */
    public String evdev() {
        return evdev;
    }

    /** the host event device of an evdev input, or null */
    public String dev() {
        return dev;
    }

    /** {@code all}, or null */
    public String grab() {
        return grab;
    }

    /** {@code ctrl-ctrl}, {@code alt-alt}, {@code shift-shift}, {@code meta-meta}, {@code scrolllock}, {@code ctrl-scrolllock}, or null */
    public String grabToggle() {
        return grabToggle;
    }

    /** {@code on}/{@code off}, or null */
    public String repeat() {
        return repeat;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code evdev} replaced. */
    public InputSource withEvdev(String newEvdev) {
        return toBuilder().evdev(newEvdev).build();
    }

    /** A copy with {@code dev} replaced. */
    public InputSource withDev(String newDev) {
        return toBuilder().dev(newDev).build();
    }

    /** A copy with {@code grab} replaced. */
    public InputSource withGrab(String newGrab) {
        return toBuilder().grab(newGrab).build();
    }

    /** A copy with {@code grabToggle} replaced. */
    public InputSource withGrabToggle(String newGrabToggle) {
        return toBuilder().grabToggle(newGrabToggle).build();
    }

    /** A copy with {@code repeat} replaced. */
    public InputSource withRepeat(String newRepeat) {
        return toBuilder().repeat(newRepeat).build();
    }

    /** A copy with {@code other} replaced. */
    public InputSource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof InputSource x)) {
            return false;
        }
        return Objects.equals(evdev, x.evdev)
                && Objects.equals(dev, x.dev)
                && Objects.equals(grab, x.grab)
                && Objects.equals(grabToggle, x.grabToggle)
                && Objects.equals(repeat, x.repeat)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evdev, dev, grab, grabToggle, repeat, other);
    }

    @Override
    public String toString() {
        return "InputSource[" + "evdev=" + evdev + ", "
                + "dev=" + dev + ", "
                + "grab=" + grab + ", "
                + "grabToggle=" + grabToggle + ", "
                + "repeat=" + repeat + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link InputSource}; not thread-safe. */
    public static final class Builder {
        private String evdev;
        private String dev;
        private String grab;
        private String grabToggle;
        private String repeat;
        private Preserved other;

        private Builder() {
        }

        /** @see InputSource#evdev() */
        public Builder evdev(String value) {
            this.evdev = value;
            return this;
        }

        /** @see InputSource#dev() */
        public Builder dev(String value) {
            this.dev = value;
            return this;
        }

        /** @see InputSource#grab() */
        public Builder grab(String value) {
            this.grab = value;
            return this;
        }

        /** @see InputSource#grabToggle() */
        public Builder grabToggle(String value) {
            this.grabToggle = value;
            return this;
        }

        /** @see InputSource#repeat() */
        public Builder repeat(String value) {
            this.repeat = value;
            return this;
        }

        /** @see InputSource#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public InputSource build() {
            return new InputSource(this);
        }
    }
}
