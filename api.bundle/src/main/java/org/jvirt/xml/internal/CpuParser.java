package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;

/** The guest {@code <cpu>} (virCPUDefParseXML). */
final class CpuParser {

    Cpu parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        String mode = n.attr("mode");
        String match = n.attr("match");
        String check = n.attr("check");
        String model = null;
        String fallback = null;
        Node m = n.child("model");
        if (m != null) {
            model = m.text();
            fallback = m.attr("fallback");
            if (!m.rest().isEmpty()) {
                // vendor_id and future attributes: keep the whole element
                n = keepChild(n, m);
                model = null;
                fallback = null;
            }
        }
        String vendor = n.childText("vendor");
        Cpu.Topology topology = null;
        Node t = n.child("topology");
        if (t != null) {
            topology = new Cpu.Topology(count(t, "sockets"), countOr1(t, "dies"), countOr1(t, "clusters"),
                    count(t, "cores"), count(t, "threads"));
        }
        List<Cpu.Feature> features = new ArrayList<>();
        for (Node f : n.children("feature")) {
            features.add(new Cpu.Feature(f.attr("policy"), f.requiredAttr("name")));
        }
        return new Cpu(mode, match, check, model, fallback, vendor, topology, features, n.rest());
    }

    /** Re-reads {@code n} without marking {@code keep} as used, so it is preserved whole. */
    private static Node keepChild(Node n, Node keep) {
        Node fresh = new Node(n.element());
        fresh.attr("mode");
        fresh.attr("match");
        fresh.attr("check");
        return fresh;
    }

    private static int count(Node t, String attr) throws VirtException {
        Integer v = t.intAttr(attr);
        if (v == null) {
            throw Errors.xml("Missing '" + attr + "' attribute in CPU topology");
        }
        if (v <= 0) {
            throw Errors.xml("Invalid '" + attr + "' value in CPU topology");
        }
        return v;
    }

    private static int countOr1(Node t, String attr) throws VirtException {
        return t.element().attribute(attr) == null ? 1 : count(t, attr);
    }
}
