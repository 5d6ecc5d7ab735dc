package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/** Puts attributes in the order libvirt's formatter writes them. */
final class Attrs {
    private Attrs() {
    }

    /** Moves the listed attributes to the front, in this order; the others follow in their order. */
    static void order(XNode n, String... first) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (String f : first) {
            String v = n.attrs.get(f);
            if (v != null) {
                copy.put(f, v);
            }
        }
        n.attrs.forEach(copy::putIfAbsent);
        n.attrs.clear();
        n.attrs.putAll(copy);
    }

    static int intAttr(XNode n, String a, int dflt) {
        String v = n.attr(a);
        if (v == null) {
            return dflt;
        }
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }
}
