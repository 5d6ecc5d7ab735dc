package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Panic;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoModel;
import org.jvirt.api.xml.Vsock;
import org.jvirt.api.xml.Watchdog;

/**
 * Per-device defaults of libvirt's device post-parse step (generic and QEMU-specific), applied to
 * the typed devices of a draft. Disks and character devices have classes of their own.
 */
final class DeviceDefaults {
    private DeviceDefaults() {
    }

    static void apply(DomainDraft d) throws VirtException {
        QemuMachine m = d.machine();
        for (Device dev : d.devices()) {
            Device done = driveAddressDefaults(dev);
            done = device(d, m, done);
            if (done != dev) {
                d.replace(dev, done);
            }
        }
        video(d, m);
        CharDefaults.apply(d, m);
    }

    /** The defaults of one device that needs no other device to decide them. */
    private static Device device(DomainDraft d, QemuMachine m, Device dev) {
        if (dev instanceof Controller c) {
            return controller(d, m, c);
        } else if (dev instanceof Disk disk) {
            return DiskDefaults.disk(disk);
        } else if (dev instanceof Hostdev h && (h.mode() == null || h.mode().equals("subsystem"))) {
            Hostdev out = h.managed() == null ? h.withManaged("no") : h;
            return "mdev".equals(h.type()) && "vfio-pci".equals(h.model()) && h.display() == null
                    ? out.withDisplay("off") : out;
        } else if (dev instanceof Filesystem fs) {
            Filesystem out = fs.type() == null ? fs.withType("mount") : fs;
            boolean virtiofs = fs.driver() != null && "virtiofs".equals(fs.driver().type());
            return !virtiofs && out.type().equals("mount") && out.accessMode() == null
                    ? out.withAccessMode("passthrough") : out;
        } else if (dev instanceof NetInterface n) {
            return n.modelType() == null && !"hostdev".equals(n.type()) && m.isX86() ? n.withModelType("rtl8139") : n;
        } else if (dev instanceof Graphics g && g.type().equals("spice") && g.listens().isEmpty()) {
            return spiceListen(g);
        } else if (dev instanceof Input in) {
            return inputBus(m, in);
        } else if (dev instanceof Watchdog w) {
            return w.action() == null ? w.withAction("reset") : w;
        } else if (dev instanceof Rng r && r.backend() != null && "random".equals(r.backend().model())
                && r.backend().randomPath() == null) {
            return r.withBackend(r.backend().withRandomPath("/dev/random"));
        } else if (dev instanceof MemBalloon b) {
            return b.model() == null ? b.withModel("virtio") : b;
        } else if (dev instanceof Panic p) {
            return p.model() == null && m.isX86() ? p.withModel("isa") : p;
        } else if (dev instanceof Vsock v) {
            return v.model() == null ? v.withModel("virtio") : v;
        }
        return dev;
    }

    /** QEMU's controller models: USB by machine and emulator, SCSI's {@code auto} as lsilogic. */
    static Controller controller(DomainDraft d, QemuMachine m, Controller c) {
        if ("usb".equals(c.type()) && c.model() == null) {
            if (m.isQ35() && d.caps.has("qemu-xhci")) {
                return c.withModel("qemu-xhci");
            } else if (m.isX86() && d.caps.has("piix3-usb-uhci")) {
                return c.withModel("piix3-uhci");
            }
        }
        if ("scsi".equals(c.type()) && (c.model() == null || c.model().equals("auto"))) {
            return c.withModel("lsilogic");
        }
        return c;
    }

    /** Applies {@link #controller} to every controller, the implicit ones included. */
    static void controllers(DomainDraft d) {
        QemuMachine m = d.machine();
        for (Controller c : d.devices(Controller.class)) {
            Controller done = controller(d, m, c);
            if (done != c) {
                d.replace(c, done);
            }
        }
    }

    /** A drive address has all four numbers; libvirt writes the ones not given as 0. */
    private static Device driveAddressDefaults(Device dev) {
        Address a = dev.info().address();
        if (a == null || !a.is("drive")
                || a.controller() != null && a.bus() != null && a.target() != null && a.unit() != null) {
            return dev;
        }
        Address full = a.toBuilder().controller(zeroIfNull(a.controller())).bus(zeroIfNull(a.bus()))
                .target(zeroIfNull(a.target())).unit(zeroIfNull(a.unit())).build();
        if (dev instanceof Disk x) {
            return x.withInfo(x.info().withAddress(full));
        } else if (dev instanceof Hostdev x) {
            return x.withInfo(x.info().withAddress(full));
        } else if (dev instanceof GenericDevice x) {
            return x.withInfo(x.info().withAddress(full));
        }
        return dev; // no other device takes a drive address (the QEMU validator rejects one)
    }

    private static int zeroIfNull(Integer v) {
        return v == null ? 0 : v;
    }

    private static Input inputBus(QemuMachine m, Input in) {
        String type = in.type() == null ? "" : in.type();
        if (in.bus() != null || !(type.equals("mouse") || type.equals("keyboard") || type.equals("tablet"))) {
            return in;
        }
        return in.withBus(type.equals("tablet") || !m.isX86() ? "usb" : "ps2");
    }

    /**
     * A SPICE display without listens: one by address when it has a port, else (nothing reaches it
     * over the network) libvirt records listen type none. The codec already turned a {@code listen}
     * attribute into a listen.
     */
    private static Graphics spiceListen(Graphics g) {
        if (g.port() != 0) {
            return g.withListens(List.of(new Graphics.Listen("address", null, null, null, Preserved.NONE)));
        }
        if (g.tlsPort() == null && !g.autoport()) {
            return g.withListens(List.of(new Graphics.Listen("none", null, null, null, Preserved.NONE)));
        }
        return g;
    }

    /** A video for a display that has none; models, memory sizes, heads and the primary mark. */
    private static void video(DomainDraft d, QemuMachine m) {
        if (d.devices(Video.class).isEmpty() && d.devices().stream().anyMatch(x -> x.elementName().equals("graphics"))) {
            String type = m.isX86() && d.caps.has("cirrus-vga") ? "cirrus" : "vga";
            d.add(Video.builder().model(VideoModel.builder().type(type).build()).build());
        }
        boolean first = true;
        for (Video v : d.devices(Video.class)) {
            VideoModel model = v.model() == null ? VideoModel.builder().build() : v.model();
            if (model.type() == null) {
                model = model.withType(m.isX86() ? "vga" : "virtio");
            }
            model = videoModel(model, first);
            first = false;
            if (!model.equals(v.model())) {
                d.replace(v, v.withModel(model));
            }
        }
    }

    private static VideoModel videoModel(VideoModel model, boolean first) {
        String t = model.type();
        switch (t) {
            case "vga", "cirrus", "vmvga" -> model = model.vram() == null ? model.withVram(16384) : model;
            case "qxl" -> {
                model = model.ram() == null ? model.withRam(65536) : model;
                model = model.vram() == null ? model.withVram(65536) : model;
                model = model.vgamem() == null ? model.withVgamem(16384) : model;
            }
            default -> {
            }
        }
        if (!t.equals("none") && model.heads() == null) {
            model = model.withHeads(1);
        }
        if ("no".equals(model.primary())) {
            model = model.withPrimary(null); // libvirt only ever writes primary='yes'
        }
        if (first && !t.equals("none") && model.primary() == null) {
            model = model.withPrimary("yes");
        }
        return model;
    }
}
