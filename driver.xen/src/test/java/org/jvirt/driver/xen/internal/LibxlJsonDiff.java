package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

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
}
