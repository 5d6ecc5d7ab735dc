package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A PCI controller's {@code <target>}; a {@code <node>} child stays in {@code other}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class ControllerTarget {
    private final Integer chassisNr;
    private final Integer chassis;
    private final Integer port;
    private final Integer busNr;
    private final Integer index;
    private final String hotplug;
    private final Long memReserve;
    private final Preserved other;

    private ControllerTarget(Builder b) {
        this.chassisNr = b.chassisNr;
        this.chassis = b.chassis;
        this.port = b.port;
        this.busNr = b.busNr;
        this.index = b.index;
        this.hotplug = b.hotplug;
        this.memReserve = b.memReserve;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.chassisNr = chassisNr;
        b.chassis = chassis;
        b.port = port;
        b.busNr = busNr;
        b.index = index;
        b.hotplug = hotplug;
        b.memReserve = memReserve;
        b.other = other;
        return b;
    }

    /** {@code chassisNr}, or null */
    public Integer chassisNr() {
        return chassisNr;
    }

    /** {@code chassis}, or null */
    public Integer chassis() {
        return chassis;
    }

    /** {@code port}, or null */
    public Integer port() {
        return port;
    }

    /** {@code busNr}, or null */
    public Integer busNr() {
        return busNr;
    }

    /** {@code index}, or null */
    public Integer index() {
        return index;
    }

    /** {@code on}/{@code off}, or null */
    public String hotplug() {
        return hotplug;
    }

    /** {@code memReserve} in KiB, or null */
    public Long memReserve() {
        return memReserve;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code chassisNr} replaced. */
    public ControllerTarget withChassisNr(Integer newChassisNr) {
        return toBuilder().chassisNr(newChassisNr).build();
    }

    /** A copy with {@code chassis} replaced. */
    public ControllerTarget withChassis(Integer newChassis) {
        return toBuilder().chassis(newChassis).build();
    }

    /** A copy with {@code port} replaced. */
    public ControllerTarget withPort(Integer newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code busNr} replaced. */
    public ControllerTarget withBusNr(Integer newBusNr) {
        return toBuilder().busNr(newBusNr).build();
    }

    /** A copy with {@code index} replaced. */
    public ControllerTarget withIndex(Integer newIndex) {
        return toBuilder().index(newIndex).build();
    }

    /** A copy with {@code hotplug} replaced. */
    public ControllerTarget withHotplug(String newHotplug) {
        return toBuilder().hotplug(newHotplug).build();
    }

    /** A copy with {@code memReserve} replaced. */
    public ControllerTarget withMemReserve(Long newMemReserve) {
        return toBuilder().memReserve(newMemReserve).build();
    }

    /** A copy with {@code other} replaced. */
    public ControllerTarget withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ControllerTarget x)) {
            return false;
        }
        return Objects.equals(chassisNr, x.chassisNr)
                && Objects.equals(chassis, x.chassis)
                && Objects.equals(port, x.port)
                && Objects.equals(busNr, x.busNr)
                && Objects.equals(index, x.index)
                && Objects.equals(hotplug, x.hotplug)
                && Objects.equals(memReserve, x.memReserve)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chassisNr, chassis, port, busNr, index, hotplug, memReserve, other);
    }

    @Override
    public String toString() {
        return "ControllerTarget[" + "chassisNr=" + chassisNr + ", "
                + "chassis=" + chassis + ", "
                + "port=" + port + ", "
                + "busNr=" + busNr + ", "
                + "index=" + index + ", "
                + "hotplug=" + hotplug + ", "
                + "memReserve=" + memReserve + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link ControllerTarget}; not thread-safe. */
    public static final class Builder {
        private Integer chassisNr;
        private Integer chassis;
        private Integer port;
        private Integer busNr;
        private Integer index;
        private String hotplug;
        private Long memReserve;
        private Preserved other;

        private Builder() {
        }

        /** @see ControllerTarget#chassisNr() */
        public Builder chassisNr(Integer value) {
            this.chassisNr = value;
            return this;
        }

        /** @see ControllerTarget#chassis() */
        public Builder chassis(Integer value) {
            this.chassis = value;
            return this;
        }

        /** @see ControllerTarget#port() */
        public Builder port(Integer value) {
            this.port = value;
            return this;
        }

        /** @see ControllerTarget#busNr() */
        public Builder busNr(Integer value) {
            this.busNr = value;
            return this;
        }

        /** @see ControllerTarget#index() */
        public Builder index(Integer value) {
            this.index = value;
            return this;
        }

        /** @see ControllerTarget#hotplug() */
        public Builder hotplug(String value) {
            this.hotplug = value;
            return this;
        }

        /** @see ControllerTarget#memReserve() */
        public Builder memReserve(Long value) {
            this.memReserve = value;
            return this;
        }

        /** @see ControllerTarget#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public ControllerTarget build() {
            return new ControllerTarget(this);
        }
    }
}
