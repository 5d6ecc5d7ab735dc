package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/** The guest {@code <cpu>} (virCPUDefParseXML). */
final class CpuParser {
    private static final Set<String> MODEL_ATTRIBUTES = Set.of("fallback");

    Cpu parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        String mode = n.attr("mode");
        String match = n.attr("match");
        String check = n.attr("check");
        String model = null;
        String fallback = null;
        XmlElement m = n.element().child("model");
        // a <model> with more than the modelled attributes (vendor_id) is kept whole
        if (m != null && m.attributes().stream().map(XmlAttribute::name).allMatch(MODEL_ATTRIBUTES::contains)) {
            Node mn = n.child("model");
            model = mn.text();
            fallback = mn.attr("fallback");
        }
        String vendor = n.childText("vendor");
        Cpu.Topology topology = null;
        Node t = n.child("topology");
        if (t != null) {
            topology = new Cpu.Topology(count(t, "sockets"), countOr1(t, "dies"), countOr1(t, "clusters"),
                    count(t, "cores"), count(t, "threads"));
            t.requireFullyRead();
        }
        List<Cpu.Feature> features = new ArrayList<>();
        for (Node f : n.children("feature")) {
            features.add(new Cpu.Feature(f.attr("policy"), f.requiredAttr("name")));
            f.requireFullyRead();
        }
        return Cpu.builder().mode(mode).match(match).check(check).model(model).modelFallback(fallback).vendor(vendor)
                .topology(topology).features(features).other(n.rest()).build();
    }

    private static int count(Node t, String attr) throws VirtException {
        Integer v = t.intAttr(attr);
        if (v == null) {
            throw XmlErrors.xml("Missing '" + attr + "' attribute in CPU topology");
        }
        if (v <= 0) {
            throw XmlErrors.xml("Invalid '" + attr + "' value in CPU topology");
        }
        return v;
    }

    private static int countOr1(Node t, String attr) throws VirtException {
        return t.element().attribute(attr) == null ? 1 : count(t, attr);
    }
}
