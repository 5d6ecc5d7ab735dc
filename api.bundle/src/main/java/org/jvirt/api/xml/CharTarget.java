package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The guest side {@code <target>} of a character device: serial ({@code type}, {@code port},
 * {@code <model name=>}), console ({@code type} such as {@code serial}, {@code virtio}, {@code lxc},
 * {@code port}), channel ({@code virtio}/{@code xen} with {@code name} and {@code state},
 * {@code guestfwd} with {@code address} and {@code port}), parallel ({@code port}).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class CharTarget {
    private final String type;
    private final String address;
    private final String name;
    private final String state;
    private final Integer port;
    private final String modelName;
    private final Preserved other;

    CharTarget(CharTargetBuilder b) {
        this.type = b.type;
        this.address = b.address;
        this.name = b.name;
        this.state = b.state;
        this.port = b.port;
        this.modelName = b.modelName;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static CharTargetBuilder builder() {
        return new CharTargetBuilder();
    }

    /** A builder holding this object's values. */
    public CharTargetBuilder toBuilder() {
        return new CharTargetBuilder(this);
    }

    /** the target type, or null */
    public String type() {
        return type;
    }

    /** the guestfwd address, or null */
    public String address() {
        return address;
    }

    /** the channel name, or null */
    public String name() {
        return name;
    }

    /** the virtio channel state ({@code connected}/{@code disconnected}), or null */
    public String state() {
        return state;
    }

    /** the serial, console or parallel port, or the guestfwd port; null when absent */
    public Integer port() {
        return port;
    }

    /** {@code <model name=>} of a serial target, or null */
    public String modelName() {
        return modelName;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public CharTarget withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code address} replaced. */
    public CharTarget withAddress(String newAddress) {
        return toBuilder().address(newAddress).build();
    }

    /** A copy with {@code name} replaced. */
    public CharTarget withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code port} replaced. */
    public CharTarget withPort(Integer newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code modelName} replaced. */
    public CharTarget withModelName(String newModelName) {
        return toBuilder().modelName(newModelName).build();
    }

    /** A copy with {@code other} replaced. */
    public CharTarget withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CharTarget x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(address, x.address)
                && Objects.equals(name, x.name) && Objects.equals(state, x.state)
                && Objects.equals(port, x.port) && Objects.equals(modelName, x.modelName)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, address, name, state, port, modelName, other);
    }

    @Override
    public String toString() {
        return "CharTarget[type=" + type + ", address=" + address + ", name=" + name + ", state=" + state
                + ", port=" + port + ", modelName=" + modelName + ", other=" + other + "]";
    }

}
