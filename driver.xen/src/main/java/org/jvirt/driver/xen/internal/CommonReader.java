package org.jvirt.driver.xen.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's xenParseConfigCommon: the settings xl.cfg and the xm format share, into a domain
 * element ({@link Node}) the codec parses afterwards.
 */
final class CommonReader {
    /** libvirt's MIN_XEN_GUEST_SIZE (MiB); a config without memory gets twice that. */
    private static final long MIN_XEN_GUEST_SIZE = 64;

    void read(Conf conf, Node dom, String format) throws VirtException {
        meta(conf, dom);
        long cur = conf.number("memory", MIN_XEN_GUEST_SIZE * 2);
        long max = conf.number("maxmem", cur);
        dom.add("memory").attr("unit", "KiB").setText(max * 1024);
        dom.add("currentMemory").attr("unit", "KiB").setText(cur * 1024);
        events(conf, dom);
        cpu(conf, dom);
        new FeatureReader().read(conf, dom);
        String emulator = conf.string("device_model_override", conf.string("device_model", null));
        Node devices = dom.childOrAdd("devices");
        if (emulator != null) {
            devices.text("emulator", emulator);
        }
        new VifReader().read(conf, devices, NativeFormats.XL.equals(format) ? "vif" : "netfront", hvm(dom));
        pci(conf, devices);
        if (hvm(dom)) {
            sound(conf.string("soundhw", null), devices);
        }
        new VfbReader().read(conf, dom, devices);
        new CharReader().read(conf, devices, hvm(dom), format);
    }

    static boolean hvm(Node dom) {
        return "hvm".equals(dom.child("os").child("type").text());
    }

    private static void meta(Conf conf, Node dom) throws VirtException {
        String name = conf.string("name", null);
        if (name == null) {
            throw XenErrors.conf("config value name was missing");
        }
        dom.text("name", name);
        String uuid = conf.string("uuid", null);
        if (uuid == null) {
            uuid = UUID.randomUUID().toString();
        } else if (uuid.isEmpty()) {
            throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.XEN, "uuid can't be empty");
        }
        try {
            dom.text("uuid", UUID.fromString(uuid).toString());
        } catch (IllegalArgumentException e) {
            throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.XEN, uuid + " not parseable");
        }
        String osType = "xen";
        String type = conf.string("type", null);
        if (type != null) {
            osType = switch (type) {
                case "pv" -> "xen";
                case "pvh" -> "xenpvh";
                case "hvm" -> "hvm";
                default -> throw XenErrors.confUnsupported("type " + type + " is not supported");
            };
        } else if ("hvm".equals(conf.string("builder", "linux"))) {
            osType = "hvm";
        }
        // the fake libxl capabilities of libvirt's tests: x86_64 guests, machines by OS type
        String machine = switch (osType) {
            case "hvm" -> "xenfv";
            case "xenpvh" -> "xenpvh";
            default -> "xenpv";
        };
        Node os = dom.add("os");
        os.add("type").attr("arch", "x86_64").attr("machine", machine).setText(osType.equals("xen") ? "linux" : osType);
    }

    private static void events(Conf conf, Node dom) throws VirtException {
        String[][] actions = {{"on_poweroff", "destroy"}, {"on_reboot", "restart"}, {"on_crash", "restart"}};
        for (String[] a : actions) {
            String v = conf.string(a[0], a[1]);
            if (!List.of("destroy", "restart", "rename-restart", "preserve", "coredump-destroy",
                    "coredump-restart").contains(v)) {
                throw XenErrors.conf("unexpected value " + v + " for " + a[0]);
            }
            dom.text(a[0], v);
        }
    }

    private static void cpu(Conf conf, Node dom) throws VirtException {
        long count = conf.number("vcpus", 1);
        long max = conf.has("maxvcpus") ? conf.number("maxvcpus", 0) : count;
        Node vcpu = dom.add("vcpu").attr("placement", "static");
        if (count != max) {
            vcpu.attr("current", count);
        }
        vcpu.attr("cpuset", conf.string("cpus", null));
        vcpu.setText(max);
    }

    private static void pci(Conf conf, Node devices) throws VirtException {
        for (String entry : conf.strings("pci")) {
            PciAddress a = PciAddress.parse(entry);
            Node h = devices.add("hostdev").attr("mode", "subsystem").attr("type", "pci").attr("managed", "no");
            Node src = h.add("source").attr("writeFiltering", a.writeFiltering());
            src.add("address").attr("domain", String.format("0x%04x", a.domain()))
                    .attr("bus", String.format("0x%02x", a.bus())).attr("slot", String.format("0x%02x", a.slot()))
                    .attr("function", String.format("0x%x", a.function()));
        }
    }

    private static void sound(String soundhw, Node devices) throws VirtException {
        if (soundhw == null) {
            return;
        }
        // "all" is Xen's old bogus value: the two models Xen's QEMU had
        List<String> models = soundhw.equals("all") ? List.of("sb16", "es1370") : List.of(soundhw.split(",", -1));
        for (String m : models) {
            if (!List.of("sb16", "es1370", "pcspk", "ac97", "ich6", "ich7", "ich9", "usb", "ics6000").contains(m)) {
                throw XenErrors.conf("unknown sound model '" + m + "'");
            }
            devices.add("sound").attr("model", m);
        }
    }
}
