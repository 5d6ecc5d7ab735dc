package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.ControllerTarget;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.Shmem;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.Vsock;
import org.jvirt.api.xml.Watchdog;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * libvirt's PCI address assignment for the x86 machines (qemu_domain_address.c): fixed slots of
 * the chipset (PIIX3 at slot 1 on i440fx, ICH9 functions at slot 0x1f on q35, the primary video
 * at slot 2 / slot 1), then every device without an address in libvirt's order. On q35 each PCIe
 * device gets its own pcie-root-port, added as needed, plus one spare for hotplug when the
 * definition had no PCI addresses yet.
 */
final class PciAddressAssigner {
    private static final Set<String> PCI_SOUND = Set.of("ich6", "ich9", "ac97", "es1370", "ich7");
    private static final Set<String> VIRTIO_BALLOON = Set.of("virtio", "virtio-transitional",
            "virtio-non-transitional");

    private final DomainDraft d;
    private final PciSlots used = new PciSlots();
    /** On q35, the slot/function of the last root port placed, for aggregating them in one slot. */
    private int lastPortSlot = -1;
    private int lastPortFn = -1;

    PciAddressAssigner(DomainDraft d) {
        this.d = d;
    }

    void assign() throws VirtException {
        QemuMachine m = d.machine();
        boolean q35 = m.isQ35();
        if (!q35 && !m.isI440fx()) {
            return;
        }
        boolean hadPci = false;
        for (Device dev : d.devices()) {
            Address a = dev.info().address();
            if (a != null && a.is("pci") && !isEmpty(a)) {
                hadPci = true;
                used.mark(orZero(a.bus()), orZero(a.slot()), orZero(a.function()));
            }
        }
        used.reserveSlot(0, 0);
        Video primaryVideo = primaryVideo();
        if (q35) {
            used.reserveSlot(0, 0x1f);
            setIfNeeded(d.controller("sata", 0), 0x1f, 2);
            primaryVideo = placePrimaryVideo(primaryVideo, 1);
        } else {
            used.reserveSlot(0, 1);
            setIfNeeded(d.controller("ide", 0), 1, 1);
            Controller usb = d.controller("usb", 0);
            if (usb != null && "piix3-uhci".equals(usb.model())) {
                setIfNeeded(usb, 1, 2);
            }
            primaryVideo = placePrimaryVideo(primaryVideo, 2);
        }
        List<Device> todo = devicesInOrder(primaryVideo, q35);
        if (q35) {
            addRootPorts(todo.size() + (hadPci || todo.isEmpty() ? 0 : 1));
            assignRootPortAddresses();
        }
        for (Device dev : todo) {
            int[] a = q35 ? nextRootPortSlot() : used.nextFreeSlot(0, 1);
            if (a == null) {
                return;
            }
            used.mark(a[0], a[1], 0);
            setAddress(dev, a[0], a[1], 0);
        }
    }

    /** A chipset device at function {@code fn} of slot {@code slot} of bus 0, unless it has an address. */
    private void setIfNeeded(Controller c, int slot, int fn) {
        if (c != null && needs(c)) {
            setAddress(c, 0, slot, fn);
        }
    }

    /** The primary video at its fixed slot when that slot is free; the device as it is now. */
    private Video placePrimaryVideo(Video video, int slot) {
        if (video == null || !needs(video) || !used.slotFree(0, slot)) {
            return video;
        }
        used.mark(0, slot, 0);
        return (Video) setAddress(video, 0, slot, 0);
    }

    private Video primaryVideo() {
        List<Video> videos = d.devices(Video.class);
        if (videos.isEmpty() || "none".equals(videos.get(0).modelType())) {
            return null;
        }
        return videos.get(0);
    }

    /** The devices that still need an address, in qemuDomainAssignDevicePCISlots' order. */
    private List<Device> devicesInOrder(Video primaryVideo, boolean q35) {
        List<Device> out = new ArrayList<>();
        for (Controller c : d.controllers("pci")) {
            String m = c.model() == null ? "" : c.model();
            if (!m.equals("pci-root") && !m.equals("pcie-root") && !m.equals("pcie-root-port")) {
                addIfNeeded(out, c);
            }
        }
        d.devices(Filesystem.class).forEach(fs -> addIfNeeded(out, fs));
        d.devices(NetInterface.class, n -> !"usb-net".equals(n.modelType())).forEach(n -> addIfNeeded(out, n));
        d.devices(Sound.class, s -> PCI_SOUND.contains(s.model())).forEach(s -> addIfNeeded(out, s));
        for (Controller c : d.devices(Controller.class)) {
            String model = c.model() == null ? "" : c.model();
            boolean wanted = switch (c.type() == null ? "" : c.type()) {
                case "usb" -> !model.equals("none") && !model.equals("qusb1") && !model.equals("qusb2");
                case "scsi", "virtio-serial" -> true;
                case "sata" -> !q35 || c.index() != 0;
                default -> false;
            };
            if (wanted) {
                addIfNeeded(out, c);
            }
        }
        d.devices(Disk.class, disk -> "virtio".equals(disk.targetBus())).forEach(disk -> addIfNeeded(out, disk));
        for (Hostdev h : d.devices(Hostdev.class)) {
            String type = h.type() == null ? "" : h.type();
            if (type.equals("pci") || type.equals("scsi_host")
                    || (type.equals("mdev") && "vfio-pci".equals(h.model()))) {
                addIfNeeded(out, h);
            }
        }
        d.devices(MemBalloon.class, b -> VIRTIO_BALLOON.contains(b.model())).forEach(b -> addIfNeeded(out, b));
        d.devices(Rng.class).forEach(r -> addIfNeeded(out, r));
        d.devices(Watchdog.class, w -> "i6300esb".equals(w.model())).forEach(w -> addIfNeeded(out, w));
        d.devices(Video.class, v -> v != primaryVideo && !"none".equals(v.modelType()))
                .forEach(v -> addIfNeeded(out, v));
        d.devices(Shmem.class).forEach(s -> addIfNeeded(out, s));
        d.devices(Input.class, in -> "virtio".equals(in.bus())).forEach(in -> addIfNeeded(out, in));
        d.devices(Vsock.class).forEach(v -> addIfNeeded(out, v));
        return out;
    }

    private static void addIfNeeded(List<Device> out, Device dev) {
        if (needs(dev)) {
            out.add(dev);
        }
    }

    /** Whether a device has no address, or a PCI one without its slot (all of it zero). */
    private static boolean needs(Device dev) {
        Address a = dev.info().address();
        return a == null || (a.is("pci") && isEmpty(a));
    }

    /** virPCIDeviceAddressIsEmpty: domain, bus and slot all zero (the codec fills unwritten ones with 0). */
    private static boolean isEmpty(Address a) {
        return orZero(a.domain()) == 0 && orZero(a.bus()) == 0 && orZero(a.slot()) == 0;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private void addRootPorts(int wanted) {
        int free = 0;
        int maxIndex = 0;
        for (Controller c : d.controllers("pci")) {
            maxIndex = Math.max(maxIndex, c.index());
            if ("pcie-root-port".equals(c.model()) && busFree(c.index())) {
                free++;
            }
        }
        for (int i = free; i < wanted; i++) {
            maxIndex++;
            d.insertController(Controller.builder().type("pci").index(maxIndex).model("pcie-root-port").build());
        }
    }

    private void assignRootPortAddresses() throws VirtException {
        for (Controller c : d.controllers("pci")) {
            if (!"pcie-root-port".equals(c.model())) {
                continue;
            }
            Controller port = c.modelName() == null ? c.withModelName("pcie-root-port") : c;
            if (needs(port)) {
                int[] at = nextRootPortFunction();
                used.mark(0, at[0], at[1]);
                lastPortSlot = at[0];
                lastPortFn = at[1];
                port = port.withInfo(port.info().withAddress(pci(port.info().address(), 0, at[0], at[1])));
            }
            d.replace(c, port.withTarget(withChassisAndPort(port)));
        }
        // a root port at function 0 of a slot with further root ports is multifunction
        for (Controller c : d.controllers("pci")) {
            Address a = c.info().address();
            if (a != null && a.is("pci") && "pcie-root-port".equals(c.model()) && orZero(a.function()) == 0
                    && a.multifunction() == null && used.isUsed(0, orZero(a.slot()), 1)) {
                d.replace(c, c.withInfo(c.info().withAddress(a.withMultifunction("on"))));
            }
        }
    }

    /** The next function of the last root port's slot when free, else function 0 of a free slot. */
    private int[] nextRootPortFunction() throws VirtException {
        if (lastPortSlot >= 0 && lastPortFn < 7 && !used.isUsed(0, lastPortSlot, lastPortFn + 1)) {
            return new int[] {lastPortSlot, lastPortFn + 1};
        }
        int[] s = used.nextFreeSlot(0, 1);
        if (s == null) {
            throw QemuErrors.internal("a PCI slot is needed to connect a PCI controller model='"
                    + "pcie-root-port', but none is available, and it cannot be automatically added");
        }
        return new int[] {s[1], 0};
    }

    /** The root port's target with the chassis defaulting to its index and the port to its slot/function. */
    private static ControllerTarget withChassisAndPort(Controller c) {
        ControllerTarget t = c.target() == null ? ControllerTarget.builder().build() : c.target();
        if (t.chassis() == null) {
            t = t.withChassis(c.index());
        }
        Address a = c.info().address();
        if (t.port() == null && a != null) {
            t = t.withPort((orZero(a.slot()) << 3) | orZero(a.function()));
        }
        return t;
    }

    private int[] nextRootPortSlot() {
        for (Controller c : d.controllers("pci")) {
            if ("pcie-root-port".equals(c.model()) && busFree(c.index())) {
                return new int[] {c.index(), 0};
            }
        }
        return null;
    }

    private boolean busFree(int bus) {
        return !used.isUsed(bus, 0, 0);
    }

    /** Gives {@code dev} the PCI address; returns the device as it is now in the draft. */
    private Device setAddress(Device dev, int bus, int slot, int fn) {
        Device updated = dev.withInfo(dev.info().withAddress(pci(dev.info().address(), bus, slot, fn)));
        d.replace(dev, updated);
        return updated;
    }

    /**
     * A PCI address in place of {@code old}: its attributes give way, child elements it kept
     * verbatim (such as {@code <zpci>}) stay.
     */
    private static Address pci(Address old, int bus, int slot, int fn) {
        Address a = Address.pci(0, bus, slot, fn);
        return old == null ? a : a.withOther(new Preserved(List.of(), old.other().children()));
    }
}
