package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The differences between two libxl domain configurations (JSON trees), and the ones that are
 * explained: each is a place where libvirt's conversion writes a value that xl would otherwise
 * leave to libxl's default, or takes a default of its own. jvirt does as libvirt does, so these
 * show up when xl compares libvirt's original file with the file written after reading it.
 */
final class LibxlJsonDiff {

    /** One difference: the path ({@code disks[1].backend}) and both values (null when absent). */
    record Difference(String path, JsonNode libvirts, JsonNode jvirts) {
        @Override
        public String toString() {
            return path + ": " + libvirts + " vs " + jvirts;
        }
    }

    private LibxlJsonDiff() {
    }

    static List<Difference> diff(JsonNode a, JsonNode b) {
        List<Difference> out = new ArrayList<>();
        walk("", a, b, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                walk(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                walk(path + "[" + i + "]", ia.next(), ib.next(), out);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(new Difference(path, a, b));
        }
    }

    /** Why a difference is expected, or null when it is not one of the explained ones. */
    static String explain(Difference d) {
        String jv = d.jvirts() == null ? null : d.jvirts().asText();
        String lv = d.libvirts() == null ? null : d.libvirts().asText();
        if (d.path().matches("disks\\[\\d+]\\.backend") && lv == null && "qdisk".equals(jv)) {
            return "a disk without backendtype: xl leaves the backend to libxl (phy or qdisk when the domain "
                    + "is created); libvirt's reader makes it driver 'qemu' and its writer says backendtype=qdisk";
        }
        if (d.path().equals("on_crash") && lv == null && "restart".equals(jv)) {
            return "no on_crash: xl's default is destroy, libvirt's reader takes restart (xenParseEventsActions) "
                    + "and writes it";
        }
        if (d.path().matches("b_info\\.type\\.hvm\\.(vnc|sdl)\\.enable") && "False".equals(lv) && jv == null) {
            return "vnc = 0 / sdl = 0: an explicit false where libvirt writes nothing for a guest without a "
                    + "display; libxl's default is false too";
        }
        if (d.path().matches("b_info\\.(acpi|apic|type\\.hvm\\.pae)") && lv == null && "True".equals(jv)) {
            return "no acpi/apic/pae in an HVM config: libxl's default is on; libvirt's reader defaults them "
                    + "to 1 and its writer writes them";
        }
        return null;
    }

    /** Drops what libxl's JSON leaves out at its default: {}, [], 0, null. */
    /**
     * Why xl's configuration (from jvirt's xl.cfg) and jvirt's own may differ at {@code d}
     * (xl's value first), or null when that difference is not expected.
     */
    static String explainBuilder(Difference d) {
        String p = d.path();
        String xl = d.libvirts() == null ? null : d.libvirts().toString();
        String jv = d.jvirts() == null ? null : d.jvirts().toString();
        if (p.equals("b_info.cpuid") && d.libvirts() != null && d.jvirts() != null
                && d.jvirts().equals(d.libvirts().get("cpuid"))) {
            return "libxl 4.17 writes the CPUID policy as {\"cpuid\": [leaves]}; libvirt's JSON, and jvirt's, the older"
                    + " bare list of leaves; the leaves agree";
        }
        if (xl == null && p.matches("usbctrls\\[\\d+]\\.ports") && "8".equals(jv)) {
            return "a USB controller without ports: libvirt says 8, xl leaves libxl's default, 8"
                    + " (libxl__device_usbctrl_setdefault)";
        }
        if (xl == null && p.equals("usbctrls") && d.jvirts().toString().matches("\\[(\\{\"type\":\"qusb\",(\"devid\":\\d+,)?"
                    + "\"version\":2,\"ports\":8},?)+]")) {
            return "USB devices without a controller: libvirt adds qusb2 controllers of 8 ports"
                    + " (libxlMakeDefaultUSBControllers), xl leaves it to libxl, which adds the same"
                    + " (libxl__device_usbdev_setdefault)";
        }
        if (xl == null && p.matches("usbdevs\\[\\d+]\\.type\\.hostdev") && d.jvirts().has("hostbus")) {
            return "xl 4.17 prints a USB device's union (hostbus, hostaddr) as nothing at all, so the"
                    + " host address is not compared here (xl.cfg's usbdev says it, in hex, as libvirt's writer)";
        }
        if (jv == null) {
            // xl sets these itself; libvirt's builder leaves libxl's default, which is the same
            if (p.equals("b_info.claim_mode") && "\"True\"".equals(xl)) {
                return "xl's claim_mode default (xl.conf) where libvirt leaves libxl's";
            }
            if (p.equals("c_info.run_hotplug_scripts") && "\"True\"".equals(xl)) {
                return "xl runs the hotplug scripts itself";
            }
            if (p.equals("on_soft_reset") && "\"soft_reset\"".equals(xl)) {
                return "xl's default on_soft_reset";
            }
            if (p.matches("b_info\\.(localtime|type\\.hvm\\.viridian)") && "\"False\"".equals(xl)) {
                return "the xl.cfg's explicit 0 (localtime = 0, viridian = 0), libxl's default";
            }
            if (p.equals("b_info.type.hvm.serial") && "\"none\"".equals(xl)) {
                return "the xl.cfg's explicit serial = \"none\", libxl's default";
            }
            if (p.equals("b_info.type.hvm.usb") && "\"True\"".equals(xl)) {
                return "usb = 1 beside usbdevice (libvirt's xenFormatXLInputDevs): libxl starts QEMU with -usb for a"
                        + " usbdevice list either way (libxl__build_device_model_args)";
            }
            if (p.matches("pcidevs\\[\\d+]\\.vfunc_mask") && "1".equals(xl)) {
                return "xl records the one function it was given in vfunc_mask; libxl reads the mask only for all"
                        + " functions (LIBXL_PCI_FUNC_ALL)";
            }
            if (p.equals("b_info.type.hvm.spice.tls_port") && d.libvirts() != null) {
                return "libvirt's builder drops <graphics tlsPort> (libxlMakeBuildInfoVfb); the xl.cfg, libvirt's too,"
                        + " says spicetls_port, so a domain jvirt starts has its TLS port";
            }
            if (p.equals("b_info.bootloader") && d.libvirts() != null) {
                return "libxl 4.17 reads the bootloader at b_info.bootloader; libvirt sets the older type.pv.bootloader";
            }
            return null;
        }
        if (xl == null) {
            // libvirt's builder sets explicitly what xl leaves to libxl when the domain is created
            if (p.equals("b_info.shadow_memkb")) {
                return "libvirt asks libxl for the shadow memory (libxl_get_required_shadow_memory)";
            }
            if (p.matches("disks\\[\\d+]\\.removable")) {
                return "libvirt marks every disk removable";
            }
            if (p.matches("nics\\[\\d+]\\.nictype")) {
                return "libvirt names the NIC type (vif_ioemu for an emulated HVM NIC) that libxl would pick";
            }
            if (p.matches("b_info\\.(video_memkb|device_model_version|type\\.hvm\\.(vga|nographic|vnc|sdl))")) {
                return "libvirt sets the video RAM, QEMU upstream, the VGA and the display switches libxl defaults to";
            }
            if (p.matches("(vfbs|vkbs)(\\[\\d+]\\.devid)?|vfbs\\[\\d+]\\.(sdl|vnc\\.enable)")) {
                return "libvirt adds the vfb and vkb (device id -1: libxl's choice) that xl leaves implicit";
            }
            if (p.matches("pcidevs\\[\\d+]\\.rdm_policy") && "\"invalid\"".equals(jv)) {
                return "libvirt leaves the device's RMRR policy unset (invalid), which libxl__device_pci_setdefault"
                        + " makes strict; xl sets strict itself (0, left out)";
            }
            if (p.matches("nics\\[\\d+]\\.model") && "\"netfront\"".equals(jv)) {
                return "a netfront NIC of an HVM guest is type=vif in xl.cfg (nictype vif); libxl gives QEMU a model"
                        + " only for emulated (vif_ioemu) NICs, so the model libvirt also sets is unused";
            }
            if (p.equals("b_info.type.pv") && jv.contains("bootloader")) {
                return "libvirt sets the older type.pv.bootloader (libxl 4.17 reads b_info.bootloader)";
            }
            return null;
        }
        if (p.matches("(b_info\\.type\\.hvm|vfbs\\[\\d+])\\.vnc\\.findunused") && "\"True\"".equals(xl)
                && "\"False\"".equals(jv)) {
            return "vncunused = 1: xl lets QEMU find a port; libvirt allocates the port itself";
        }
        return null;
    }

    static JsonNode normalize(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = normalize(e.getValue());
                if (isDefault(v)) {
                    it.remove();
                } else {
                    e.setValue(v);
                }
            }
        } else if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, normalize(a.get(i)));
            }
        }
        return n;
    }

    private static boolean isDefault(JsonNode v) {
        return v == null || v.isNull() || (v.isContainerNode() && v.isEmpty()) || (v.isIntegralNumber() && v.asLong() == 0);
    }
}
