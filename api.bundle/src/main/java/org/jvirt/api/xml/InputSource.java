package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An input device's {@code <source>}: {@code evdev=} for passthrough, {@code dev=} and the grab options for evdev.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class InputSource {
    private final String evdev;
    private final String dev;
    private final String grab;
    private final String grabToggle;
    private final String repeat;
    private final Preserved other;

    InputSource(InputSourceBuilder b) {
        this.evdev = b.evdev;
        this.dev = b.dev;
        this.grab = b.grab;
        this.grabToggle = b.grabToggle;
        this.repeat = b.repeat;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static InputSourceBuilder builder() {
        return new InputSourceBuilder();
    }

    /** A builder holding this object's values. */
    public InputSourceBuilder toBuilder() {
        return new InputSourceBuilder(this);
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
        return Objects.equals(evdev, x.evdev) && Objects.equals(dev, x.dev) && Objects.equals(grab, x.grab)
                && Objects.equals(grabToggle, x.grabToggle) && Objects.equals(repeat, x.repeat)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evdev, dev, grab, grabToggle, repeat, other);
    }

    @Override
    public String toString() {
        return "InputSource[evdev=" + evdev + ", dev=" + dev + ", grab=" + grab + ", grabToggle=" + grabToggle
                + ", repeat=" + repeat + ", other=" + other + "]";
    }

}
