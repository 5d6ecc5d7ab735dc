package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A PCI controller's {@code <target>}; a {@code <node>} child stays in {@code other}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    ControllerTarget(ControllerTargetBuilder b) {
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
    public static ControllerTargetBuilder builder() {
        return new ControllerTargetBuilder();
    }

    /** A builder holding this object's values. */
    public ControllerTargetBuilder toBuilder() {
        return new ControllerTargetBuilder(this);
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

    /** A copy with {@code chassis} replaced. */
    public ControllerTarget withChassis(Integer newChassis) {
        return toBuilder().chassis(newChassis).build();
    }

    /** A copy with {@code port} replaced. */
    public ControllerTarget withPort(Integer newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code index} replaced. */
    public ControllerTarget withIndex(Integer newIndex) {
        return toBuilder().index(newIndex).build();
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
        return Objects.equals(chassisNr, x.chassisNr) && Objects.equals(chassis, x.chassis)
                && Objects.equals(port, x.port) && Objects.equals(busNr, x.busNr)
                && Objects.equals(index, x.index) && Objects.equals(hotplug, x.hotplug)
                && Objects.equals(memReserve, x.memReserve) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chassisNr, chassis, port, busNr, index, hotplug, memReserve, other);
    }

    @Override
    public String toString() {
        return "ControllerTarget[chassisNr=" + chassisNr + ", chassis=" + chassis + ", port=" + port
                + ", busNr=" + busNr + ", index=" + index + ", hotplug=" + hotplug
                + ", memReserve=" + memReserve + ", other=" + other + "]";
    }

}
