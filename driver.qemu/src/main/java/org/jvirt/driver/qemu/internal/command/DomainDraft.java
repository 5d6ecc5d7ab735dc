package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * A definition being completed for QEMU, as libvirt's post-parse callbacks complete a
 * virDomainDef in place: the typed definition plus a working list of its (immutable) devices,
 * which the steps add to or replace. {@link #toDef()} gives the completed, typed definition with
 * the devices grouped by kind in libvirt's order. Not thread-safe: one per parse.
 */
final class DomainDraft {
    private static final List<String> KIND_ORDER = List.of("disk", "controller", "lease", "filesystem",
            "interface", "smartcard", "serial", "parallel", "console", "channel", "input", "tpm", "graphics",
            "sound", "audio", "video", "hostdev", "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng",
            "nvram", "panic", "shmem", "memory", "iommu", "vsock", "crypto", "pstore");
    private static final Map<String, Integer> KIND_INDEX = IntStream.range(0, KIND_ORDER.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(KIND_ORDER::get, i -> i));

    /** The definition's non-device parts; steps replace it with {@code def = def.with...}. */
    DomainDef def;
    final QemuCaps caps;
    private final List<Device> devices;

    DomainDraft(DomainDef def, QemuCaps caps) {
        this.def = def;
        this.caps = caps;
        this.devices = new ArrayList<>(def.devices().all());
    }

    /** The machine questions (architecture, q35/i440fx, controllers) for the draft as it is now. */
    QemuMachine machine() {
        return new QemuMachine(toDef(), caps);
    }

    /** Every device, in working order; a copy. */
    List<Device> devices() {
        return List.copyOf(devices);
    }

    /** The devices of one type, in working order. */
    <T extends Device> List<T> devices(Class<T> type) {
        return devices.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Device> List<T> devices(Class<T> type, Predicate<? super T> filter) {
        return devices(type).stream().filter(filter).toList();
    }

    List<Controller> controllers(String type) {
        return devices(Controller.class, c -> type.equals(c.type()));
    }

    /** The controller of {@code type} with {@code index}, or null. */
    Controller controller(String type, int index) {
        for (Controller c : controllers(type)) {
            if (c.index() == index) {
                return c;
            }
        }
        return null;
    }

    void add(Device device) {
        devices.add(device);
    }

    /** Replaces {@code old} (the same object) by {@code updated} in place. */
    void replace(Device old, Device updated) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i) == old) {
                devices.set(i, updated);
                return;
            }
        }
        throw new IllegalArgumentException("not a device of this draft: " + old);
    }

    void remove(Device device) {
        devices.removeIf(d -> d == device);
    }

    /**
     * Inserts a controller as libvirt's virDomainControllerInsertPreAlloced does: before the first
     * controller of the same type with a higher index, else after the last one with a lower index,
     * else at the end.
     */
    void insertController(Controller c) {
        int insertAt = -1;
        List<Controller> ctrls = devices(Controller.class);
        for (int i = ctrls.size() - 1; i >= 0; i--) {
            Controller cur = ctrls.get(i);
            if (!cur.type().equals(c.type())) {
                continue;
            }
            if (cur.index() > c.index()) {
                insertAt = i;
            } else if (cur.index() < c.index() && insertAt == -1) {
                insertAt = i + 1;
            }
        }
        if (insertAt == -1 || insertAt >= ctrls.size()) {
            devices.add(c);
        } else {
            Controller before = ctrls.get(insertAt);
            for (int i = 0; i < devices.size(); i++) {
                if (devices.get(i) == before) {
                    devices.add(i, c);
                    return;
                }
            }
        }
    }

    /**
     * The definition with the devices as they are now, grouped by kind in libvirt's order, and the
     * emulator of the capabilities in use when none is given (qemuDomainDefPostParse).
     */
    DomainDef toDef() {
        List<Device> sorted = new ArrayList<>(devices);
        sorted.sort(Comparator.comparingInt(d -> KIND_INDEX.getOrDefault(d.elementName(), Integer.MAX_VALUE)));
        String emulator = def.devices().emulator() != null ? def.devices().emulator() : caps.key().binaryPath();
        return def.withDevices(def.devices().toBuilder().emulator(emulator).all(sorted).build());
    }
}
