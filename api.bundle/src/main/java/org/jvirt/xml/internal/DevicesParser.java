package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlElement;

/** {@code <devices>}: each child to its typed record, or kept as a {@link GenericDevice}. */
final class DevicesParser {
    private final int flags;

    DevicesParser(int flags) {
        this.flags = flags;
    }

    Devices parse(Node n) throws VirtException {
        if (n == null) {
            return Devices.NONE;
        }
        String emulator = null;
        List<Device> all = new ArrayList<>();
        List<Controller> unindexed = new ArrayList<>();
        for (XmlElement child : n.element().children()) {
            Node c = new Node(child);
            switch (child.name()) {
                case "emulator" -> emulator = child.text();
                case "serial", "console", "channel", "parallel" -> all.add(CharDeviceCodec.parse(c));
                case "graphics" -> {
                    Graphics g = GraphicsCodec.parse(c, flags);
                    all.add(g != null ? g : new GenericDevice(child));
                }
                case "controller" -> {
                    Controller ctl = controller(c);
                    if (ctl.index() < 0) {
                        unindexed.add(ctl);
                    }
                    ImplicitDevices.insertController(all, ctl);
                }
                case "smartcard", "redirdev" -> all.add(new GenericDevice(CharSourceCodec.rewrite(child, false)));
                case "rng" -> all.add(new GenericDevice(rng(child)));
                default -> all.add(new GenericDevice(child));
            }
        }
        for (Controller ctl : unindexed) {
            int idx = all.indexOf(ctl);
            all.set(idx, new Controller(ctl.type(), ImplicitDevices.freeIndex(all, ctl.type()), ctl.model(),
                    ctl.other()));
        }
        ImplicitDevices.addControllers(all);
        ImplicitDevices.primaryVideo(all);
        return new Devices(emulator, all);
    }

    private static Controller controller(Node c) throws VirtException {
        String type = c.requiredAttr("type");
        Integer index = c.intAttr("index");
        if (index != null && index < 0) {
            throw Errors.xml("Cannot parse controller index " + index);
        }
        return new Controller(type, index == null ? -1 : index, c.attr("model"), c.rest());
    }

    private static XmlElement rng(XmlElement rng) throws VirtException {
        XmlElement backend = rng.child("backend");
        if (backend == null || !"egd".equals(backend.attribute("model"))) {
            return rng;
        }
        XmlElement fixed = CharSourceCodec.rewrite(backend, false);
        List<XmlElement> children = new ArrayList<>();
        for (XmlElement c : rng.children()) {
            children.add(c == backend ? fixed : c);
        }
        return rng.withChildren(children);
    }

    static Preserved none() {
        return Preserved.NONE;
    }

    static boolean isChar(Device d) {
        return d instanceof CharDevice;
    }
}
