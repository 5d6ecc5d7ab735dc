package org.jvirt.xml.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.XmlElement;

/** {@code <devices>}: each child to its typed record, or kept as a {@link GenericDevice}. */
final class DevicesParser {
    private final int flags;
    private final RandomGenerator random;

    DevicesParser(int flags, RandomGenerator random) {
        this.flags = flags;
        this.random = random;
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
                case "emulator" -> emulator = stringValue(child);
                case XmlElement.TEXT -> {
                    // text between devices configures nothing: libvirt drops it, and kept it would
                    // be formatted as a device of its own (found by DomainXmlFuzzTest)
                }
                case "serial", "console", "channel", "parallel" -> all.add(CharDeviceCodec.parse(c));
                case "graphics" -> {
                    Graphics g = GraphicsCodec.parse(c, flags);
                    all.add(g != null ? g : generic(child));
                }
                case "controller" -> {
                    Controller ctl = ControllerCodec.parse(c);
                    if (ctl.index() < 0) {
                        unindexed.add(ctl);
                    }
                    GenericDevicePostParse.insertController(all, ctl);
                }
                case "smartcard" -> all.add(ChardevDeviceCodecs.smartcard(c));
                case "redirdev" -> all.add(ChardevDeviceCodecs.redirdev(c));
                case "redirfilter" -> all.add(ChardevDeviceCodecs.redirFilter(c));
                case "tpm" -> all.add(TpmCodec.parse(c));
                case "memory" -> all.add(MemoryDeviceCodecs.memory(c));
                case "shmem" -> all.add(MemoryDeviceCodecs.shmem(c));
                case "disk" -> GenericDevicePostParse.insertDisk(all,
                        GenericDevicePostParse.withIscsiLun(DiskCodec.parse(c)));
                case "interface" -> all.add(NetInterfaceCodec.parse(c, random));
                case "video" -> all.add(VideoCodec.parse(c));
                case "input" -> all.add(VirtioDeviceCodecs.input(c));
                case "memballoon" -> all.add(VirtioDeviceCodecs.memBalloon(c));
                case "rng" -> all.add(VirtioDeviceCodecs.rng(c));
                case "vsock" -> all.add(VirtioDeviceCodecs.vsock(c));
                case "crypto" -> all.add(VirtioDeviceCodecs.crypto(c));
                case "sound" -> all.add(SoundCodec.sound(c));
                case "audio" -> all.add(SoundCodec.audio(c));
                case "panic" -> all.add(SmallDeviceCodecs.panic(c));
                case "iommu" -> all.add(SmallDeviceCodecs.iommu(c));
                case "hub" -> all.add(SmallDeviceCodecs.hub(c));
                case "nvram" -> all.add(SmallDeviceCodecs.nvram(c));
                case "pstore" -> all.add(SmallDeviceCodecs.pstore(c));
                case "watchdog" -> all.add(WatchdogCodec.parse(c));
                case "filesystem" -> all.add(FilesystemCodec.parse(c));
                case "hostdev" -> all.add(GenericDevicePostParse.withIscsiLun(HostdevCodec.parse(c)));
                default -> all.add(generic(child));
            }
        }
        for (Controller ctl : unindexed) {
            int idx = all.indexOf(ctl);
            all.set(idx, ctl.withIndex(GenericDevicePostParse.freeIndex(all, ctl.type())));
        }
        GenericDevicePostParse.movePrimaryVideo(all);
        if ((flags & DomainXmlCodec.PARSE_SKIP_POST_PARSE) == 0) {
            GenericDevicePostParse.apply(all);
        }
        return Devices.builder().emulator(emulator).all(all).build();
    }

    /**
     * XPath's string() of an element, as libvirt reads {@code <emulator>}: its text, or the text of
     * all its descendants in document order when it has children. Iterative: the reader bounds the
     * depth, but this never relies on it.
     */
    static String stringValue(XmlElement e) {
        if (e.children().isEmpty()) {
            return e.text();
        }
        StringBuilder out = new StringBuilder();
        Deque<XmlElement> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            XmlElement x = todo.pop();
            if (x.text() != null) {
                out.append(x.text());
            }
            for (int i = x.children().size() - 1; i >= 0; i--) {
                todo.push(x.children().get(i));
            }
        }
        return out.toString();
    }

    /** A device kept as written, with its device information typed alongside. */
    private static GenericDevice generic(XmlElement element) throws VirtException {
        return GenericDevice.of(element, DeviceInfoCodec.parse(new Node(element)));
    }
}
