package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <devices>} element: the emulator and every device, formatted grouped by kind in libvirt's
 * order and in list order within a kind.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Devices {
    /** No devices. */
    public static final Devices NONE = builder().build();
    
    private final String emulator;
    private final List<Device> all;

    Devices(DevicesBuilder b) {
        this.emulator = b.emulator;
        this.all = List.copyOf(b.all == null ? List.of() : b.all);
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DevicesBuilder builder() {
        return new DevicesBuilder();
    }

    /** A builder holding this object's values. */
    public DevicesBuilder toBuilder() {
        return new DevicesBuilder(this);
    }

    /** the device model emulator binary, or null */
    public String emulator() {
        return emulator;
    }

    /** every device in order, never null */
    public List<Device> all() {
        return all;
    }

    /** A copy with {@code all} replaced. */
    public Devices withAll(List<Device> newAll) {
        return toBuilder().all(newAll).build();
    }

    /** The devices of one type, in order. */
    public <T extends Device> List<T> ofType(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Disk> disks() {
        return ofType(Disk.class);
    }

    public List<NetInterface> interfaces() {
        return ofType(NetInterface.class);
    }

    public List<Controller> controllers() {
        return ofType(Controller.class);
    }

    public List<Graphics> graphics() {
        return ofType(Graphics.class);
    }

    /** Serial, console, channel and parallel devices. */
    public List<CharDevice> charDevices() {
        return ofType(CharDevice.class);
    }

    /** The devices whose element is {@code elementName}, in order. */
    public List<Device> named(String elementName) {
        return all.stream().filter(d -> Objects.equals(d.elementName(), elementName)).toList();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Devices x)) {
            return false;
        }
        return Objects.equals(emulator, x.emulator) && Objects.equals(all, x.all);
    }

    @Override
    public int hashCode() {
        return Objects.hash(emulator, all);
    }

    @Override
    public String toString() {
        return "Devices[emulator=" + emulator + ", all=" + all + "]";
    }

}
