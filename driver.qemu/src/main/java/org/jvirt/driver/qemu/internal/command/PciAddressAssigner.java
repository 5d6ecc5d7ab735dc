package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * libvirt's PCI address assignment for the x86 machines (qemu_domain_address.c): fixed slots of
 * the chipset (PIIX3 at slot 1 on i440fx, ICH9 functions at slot 0x1f on q35, the primary video
 * at slot 2 / slot 1), then every device without an address in libvirt's order. On q35 each PCIe
 * device gets its own pcie-root-port, added as needed, plus one spare for hotplug when the
 * definition had no PCI addresses yet.
 */
final class PciAddressAssigner {
    private final QemuDomain d;
    private final Map<Integer, boolean[][]> used = new HashMap<>();
    /** On q35, the slot/function of the last root port placed, for aggregating them in one slot. */
    private int lastPortSlot = -1;
    private int lastPortFn = -1;

    PciAddressAssigner(QemuDomain d) {
        this.d = d;
    }

    void assign() throws VirtException {
        for (XNode dev : d.devices) {
            normalise(pciAddress(dev));
        }
        boolean q35 = d.isQ35();
        if (!q35 && !d.isI440fx()) {
            return;
        }
        boolean hadPci = false;
        for (XNode dev : d.devices) {
            XNode a = pciAddress(dev);
            if (a != null && a.attr("slot") != null) {
                hadPci = true;
                mark(Attrs.intAttr(a, "bus", 0), Attrs.intAttr(a, "slot", 0), Attrs.intAttr(a, "function", 0));
            }
        }
        reserveSlot(0, 0);
        XNode primaryVideo = primaryVideo();
        if (q35) {
            reserveSlot(0, 0x1f);
            XNode sata = d.controller("sata", 0);
            if (sata != null && needs(sata)) {
                setAddress(sata, 0, 0x1f, 2, false);
            }
            if (primaryVideo != null && needs(primaryVideo) && slotFree(0, 1)) {
                mark(0, 1, 0);
                setAddress(primaryVideo, 0, 1, 0, false);
            }
        } else {
            reserveSlot(0, 1);
            XNode ide = d.controller("ide", 0);
            if (ide != null && needs(ide)) {
                setAddress(ide, 0, 1, 1, false);
            }
            XNode usb = d.controller("usb", 0);
            if (usb != null && needs(usb) && "piix3-uhci".equals(usb.attr("model"))) {
                setAddress(usb, 0, 1, 2, false);
            }
            if (primaryVideo != null && needs(primaryVideo) && slotFree(0, 2)) {
                mark(0, 2, 0);
                setAddress(primaryVideo, 0, 2, 0, false);
            }
        }
        List<XNode> todo = devicesInOrder(primaryVideo);
        if (q35) {
            addRootPorts(todo.size() + (hadPci || todo.isEmpty() ? 0 : 1));
            assignRootPortAddresses();
        }
        for (XNode dev : todo) {
            int[] a = q35 ? nextRootPortSlot() : nextSlot(0, 1);
            if (a == null) {
                return;
            }
            mark(a[0], a[1], 0);
            setAddress(dev, a[0], a[1], 0, false);
        }
    }

    private XNode primaryVideo() {
        List<XNode> videos = d.devices("video");
        if (videos.isEmpty()) {
            return null;
        }
        XNode v = videos.get(0);
        String type = v.childAttr("model", "type");
        return "none".equals(type) ? null : v;
    }

    /** The devices that still need an address, in qemuDomainAssignDevicePCISlots' order. */
    private List<XNode> devicesInOrder(XNode primaryVideo) {
        List<XNode> out = new ArrayList<>();
        for (XNode c : d.controllers("pci")) {
            String m = c.attr("model", "");
            if (!m.equals("pci-root") && !m.equals("pcie-root") && !m.equals("pcie-root-port") && needs(c)) {
                out.add(c);
            }
        }
        for (XNode fs : d.devices("filesystem")) {
            addIfNeeded(out, fs);
        }
        for (XNode net : d.devices("interface")) {
            String model = net.childAttr("model", "type");
            if (!"usb-net".equals(model)) {
                addIfNeeded(out, net);
            }
        }
        for (XNode s : d.devices("sound")) {
            String m = s.attr("model", "");
            if (m.equals("ich6") || m.equals("ich9") || m.equals("ac97") || m.equals("es1370")
                    || m.equals("ich7")) {
                addIfNeeded(out, s);
            }
        }
        for (XNode c : d.devices("controller")) {
            String type = c.attr("type");
            String model = c.attr("model", "");
            boolean wanted = switch (type) {
                case "usb" -> !model.equals("none") && !model.equals("qusb1") && !model.equals("qusb2");
                case "scsi", "virtio-serial" -> true;
                case "sata" -> !d.isQ35() || !"0".equals(c.attr("index"));
                default -> false;
            };
            if (wanted) {
                addIfNeeded(out, c);
            }
        }
        for (XNode disk : d.devices("disk")) {
            if ("virtio".equals(disk.childAttr("target", "bus"))) {
                addIfNeeded(out, disk);
            }
        }
        for (XNode h : d.devices("hostdev")) {
            String type = h.attr("type", "");
            if (type.equals("pci") || type.equals("scsi_host")
                    || (type.equals("mdev") && "vfio-pci".equals(h.attr("model")))) {
                addIfNeeded(out, h);
            }
        }
        for (XNode b : d.devices("memballoon")) {
            if (b.is("model", "virtio") || b.is("model", "virtio-transitional")
                    || b.is("model", "virtio-non-transitional")) {
                addIfNeeded(out, b);
            }
        }
        for (XNode r : d.devices("rng")) {
            addIfNeeded(out, r);
        }
        for (XNode w : d.devices("watchdog")) {
            if (w.is("model", "i6300esb")) {
                addIfNeeded(out, w);
            }
        }
        for (XNode v : d.devices("video")) {
            if (v != primaryVideo && !"none".equals(v.childAttr("model", "type"))) {
                addIfNeeded(out, v);
            }
        }
        for (XNode s : d.devices("shmem")) {
            addIfNeeded(out, s);
        }
        for (XNode in : d.devices("input")) {
            if ("virtio".equals(in.attr("bus"))) {
                addIfNeeded(out, in);
            }
        }
        for (XNode v : d.devices("vsock")) {
            addIfNeeded(out, v);
        }
        return out;
    }

    private static void addIfNeeded(List<XNode> out, XNode dev) {
        if (needs(dev)) {
            out.add(dev);
        }
    }

    private static boolean needs(XNode dev) {
        XNode a = dev.address();
        return a == null || ("pci".equals(a.attr("type")) && a.attr("slot") == null);
    }

    private static XNode pciAddress(XNode dev) {
        XNode a = dev.address();
        return a != null && "pci".equals(a.attr("type")) ? a : null;
    }

    private void addRootPorts(int wanted) {
        int free = 0;
        int maxIndex = 0;
        for (XNode c : d.controllers("pci")) {
            maxIndex = Math.max(maxIndex, Attrs.intAttr(c, "index", 0));
            if ("pcie-root-port".equals(c.attr("model")) && busFree(Attrs.intAttr(c, "index", 0))) {
                free++;
            }
        }
        for (int i = free; i < wanted; i++) {
            maxIndex++;
            d.insertController(new XNode("controller").set("type", "pci").set("index", String.valueOf(maxIndex))
                    .set("model", "pcie-root-port"));
        }
    }

    private void assignRootPortAddresses() throws VirtException {
        for (XNode c : d.controllers("pci")) {
            if (!"pcie-root-port".equals(c.attr("model"))) {
                continue;
            }
            if (c.child("model") == null) {
                c.insertBefore(new XNode("model").set("name", "pcie-root-port"), "target", "alias", "address");
            }
            if (needs(c)) {
                int slot;
                int fn;
                if (lastPortSlot >= 0 && lastPortFn < 7 && !isUsed(0, lastPortSlot, lastPortFn + 1)) {
                    slot = lastPortSlot;
                    fn = lastPortFn + 1;
                } else {
                    int[] s = nextSlot(0, 1);
                    if (s == null) {
                        throw QemuErrors.internal("a PCI slot is needed to connect a PCI controller model='"
                                + "pcie-root-port', but none is available, and it cannot be automatically added");
                    }
                    slot = s[1];
                    fn = 0;
                }
                mark(0, slot, fn);
                lastPortSlot = slot;
                lastPortFn = fn;
                setAddress(c, 0, slot, fn, false);
            }
            XNode a = c.address();
            XNode target = c.child("target");
            if (target == null) {
                target = new XNode("target");
                c.insertBefore(target, "alias", "address");
            }
            target.setDefault("chassis", c.attr("index"));
            if (target.attr("port") == null && a != null) {
                int port = (Attrs.intAttr(a, "slot", 0) << 3) | Attrs.intAttr(a, "function", 0);
                target.set("port", "0x" + Integer.toHexString(port));
            }
            Attrs.order(target, "chassis", "port");
        }
        // a root port at function 0 of a slot with further root ports is multifunction
        for (XNode c : d.controllers("pci")) {
            XNode a = pciAddress(c);
            if (a != null && "pcie-root-port".equals(c.attr("model")) && Attrs.intAttr(a, "function", 0) == 0
                    && a.attr("multifunction") == null) {
                int slot = Attrs.intAttr(a, "slot", 0);
                if (isUsed(0, slot, 1)) {
                    a.set("multifunction", "on");
                }
            }
        }
    }

    private int[] nextRootPortSlot() {
        for (XNode c : d.controllers("pci")) {
            if ("pcie-root-port".equals(c.attr("model"))) {
                int bus = Attrs.intAttr(c, "index", 0);
                if (busFree(bus)) {
                    return new int[] {bus, 0};
                }
            }
        }
        return null;
    }

    private boolean busFree(int bus) {
        return !isUsed(bus, 0, 0);
    }

    private int[] nextSlot(int bus, int from) {
        for (int s = from; s < 32; s++) {
            if (slotFree(bus, s)) {
                return new int[] {bus, s};
            }
        }
        return null;
    }

    private boolean slotFree(int bus, int slot) {
        boolean[][] b = used.get(bus);
        if (b == null) {
            return true;
        }
        for (boolean f : b[slot]) {
            if (f) {
                return false;
            }
        }
        return true;
    }

    private boolean isUsed(int bus, int slot, int fn) {
        boolean[][] b = used.get(bus);
        return b != null && b[slot][fn];
    }

    private void mark(int bus, int slot, int fn) {
        used.computeIfAbsent(bus, k -> new boolean[32][8])[slot][fn] = true;
    }

    private void reserveSlot(int bus, int slot) {
        for (int f = 0; f < 8; f++) {
            mark(bus, slot, f);
        }
    }

    /** libvirt writes PCI addresses in hex with fixed widths whatever the input used. */
    private static void normalise(XNode a) {
        if (a == null || a.attr("slot") == null) {
            return;
        }
        String multi = a.attr("multifunction");
        int dom = Attrs.intAttr(a, "domain", 0);
        int bus = Attrs.intAttr(a, "bus", 0);
        int slot = Attrs.intAttr(a, "slot", 0);
        int fn = Attrs.intAttr(a, "function", 0);
        Map<String, String> rest = new LinkedHashMap<>(a.attrs);
        a.attrs.clear();
        a.set("type", "pci").set("domain", String.format("0x%04x", dom)).set("bus", String.format("0x%02x", bus))
                .set("slot", String.format("0x%02x", slot)).set("function", "0x" + Integer.toHexString(fn));
        if (multi != null) {
            a.set("multifunction", multi);
        }
        rest.forEach(a.attrs::putIfAbsent);
    }

    private static void setAddress(XNode dev, int bus, int slot, int fn, boolean multi) {
        XNode a = dev.address();
        if (a == null) {
            a = new XNode("address");
            dev.children.add(a);
        }
        a.attrs.clear();
        a.set("type", "pci").set("domain", "0x0000").set("bus", String.format("0x%02x", bus))
                .set("slot", String.format("0x%02x", slot)).set("function", "0x" + Integer.toHexString(fn));
        if (multi) {
            a.set("multifunction", "on");
        }
    }
}
