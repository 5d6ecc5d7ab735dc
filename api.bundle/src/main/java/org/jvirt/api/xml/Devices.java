package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <devices>} element.
 *
 * @param emulator the device model emulator binary, or null
 * @param all      every device; formatted grouped by kind in libvirt's order, in list order within
 *                 a kind
 */
public record Devices(String emulator, List<Device> all) {

    public static final Devices NONE = new Devices(null, List.of());

    public Devices {
        all = List.copyOf(all == null ? List.of() : all);
    }

    /** The devices of one record type, in order. */
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
}
