package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * A domain definition being completed for QEMU: the immutable {@link DomainDef} plus a mutable
 * copy of its devices. libvirt keeps one array per device kind and formats the kinds in a fixed
 * order; {@link #toDef()} does the same.
 */
final class QemuDomain {
    private static final List<String> KIND_ORDER = List.of("disk", "controller", "lease", "filesystem",
            "interface", "smartcard", "serial", "parallel", "console", "channel", "input", "tpm", "graphics",
            "sound", "audio", "video", "hostdev", "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng",
            "nvram", "panic", "shmem", "memory", "iommu", "vsock", "crypto", "pstore");
    private static final Map<String, Integer> KIND_INDEX;

    static {
        HashMap<String, Integer> m = new HashMap<>();
        for (int i = 0; i < KIND_ORDER.size(); i++) {
            m.put(KIND_ORDER.get(i), i);
        }
        KIND_INDEX = Map.copyOf(m);
    }

    private static final int FORMAT = DomainXmlCodec.FORMAT_SECURE | DomainXmlCodec.FORMAT_INACTIVE;

    DomainDef def;
    final QemuCaps caps;
    private final DomainXmlCodec codec;
    final List<XNode> devices = new ArrayList<>();

    QemuDomain(DomainDef def, QemuCaps caps, DomainXmlCodec codec) throws VirtException {
        this.def = def;
        this.caps = caps;
        this.codec = codec;
        XNode root = DomXml.read(codec.format(def, FORMAT));
        XNode devs = root.child("devices");
        if (devs != null) {
            for (XNode d : devs.children) {
                if (!d.name.equals("emulator")) {
                    devices.add(d);
                }
            }
        }
    }

    Accel accel() {
        return Accel.forDomainType(def.type());
    }

    String arch() {
        return def.os().arch() == null ? caps.arch() : def.os().arch();
    }

    String machine() {
        return def.os().machine();
    }

    boolean isQ35() {
        String m = machine();
        return m != null && (m.equals("q35") || m.startsWith("pc-q35"));
    }

    boolean isI440fx() {
        String m = machine();
        return m != null && (m.equals("pc") || m.startsWith("pc-i440fx") || m.startsWith("pc-0.")
                || m.startsWith("pc-1."));
    }

    boolean isX86() {
        String a = arch();
        return a.equals("x86_64") || a.equals("i686");
    }

    List<XNode> devices(String kind) {
        List<XNode> out = new ArrayList<>();
        for (XNode d : devices) {
            if (d.name.equals(kind)) {
                out.add(d);
            }
        }
        return out;
    }

    List<XNode> devices(String kind, Predicate<XNode> filter) {
        return devices(kind).stream().filter(filter).toList();
    }

    XNode controller(String type, int index) {
        for (XNode c : devices("controller")) {
            if (type.equals(c.attr("type")) && String.valueOf(index).equals(c.attr("index", "0"))) {
                return c;
            }
        }
        return null;
    }

    List<XNode> controllers(String type) {
        return devices("controller", c -> type.equals(c.attr("type")));
    }

    void add(XNode device) {
        devices.add(device);
    }

    /**
     * Inserts a controller as libvirt's virDomainControllerInsertPreAlloced does: before the first
     * controller of the same type with a higher index, else after the last one with a lower index,
     * else at the end.
     */
    void insertController(XNode c) {
        int idx = Integer.parseInt(c.attr("index", "0"));
        int insertAt = -1;
        List<XNode> ctrls = devices("controller");
        for (int i = ctrls.size() - 1; i >= 0; i--) {
            XNode cur = ctrls.get(i);
            if (!cur.attr("type").equals(c.attr("type"))) {
                continue;
            }
            int curIdx = Integer.parseInt(cur.attr("index", "0"));
            if (curIdx > idx) {
                insertAt = i;
            } else if (curIdx < idx && insertAt == -1) {
                insertAt = i + 1;
            }
        }
        if (insertAt == -1 || insertAt >= ctrls.size()) {
            devices.add(c);
        } else {
            devices.add(devices.indexOf(ctrls.get(insertAt)), c);
        }
    }

    /** The definition with the devices as they are now, read back through the codec. */
    DomainDef toDef() throws VirtException {
        List<XNode> sorted = new ArrayList<>(devices);
        sorted.sort(Comparator.comparingInt(d -> KIND_INDEX.getOrDefault(d.name, Integer.MAX_VALUE)));
        XNode root = DomXml.read(codec.format(def, FORMAT));
        XNode devs = root.ensureChild("devices");
        XNode emulator = devs.child("emulator");
        if (emulator == null) {
            // qemuDomainDefPostParse: the emulator of the capabilities in use
            emulator = new XNode("emulator");
            emulator.text = caps.key().binaryPath();
        }
        devs.children.clear();
        if (emulator != null) {
            devs.children.add(emulator);
        }
        devs.children.addAll(sorted);
        String arch = arch();
        return codec.parse(DomXml.write(root), DomainXmlCodec.PARSE_INACTIVE, (virtType, osType) -> arch);
    }
}
