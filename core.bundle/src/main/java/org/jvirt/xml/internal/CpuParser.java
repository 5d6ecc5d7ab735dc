package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/** The guest {@code <cpu>} (virCPUDefParseXML). */
final class CpuParser {
    private static final Set<String> MODEL_ATTRIBUTES = Set.of("fallback");
    private static final Set<String> CACHE_MODES = Set.of("emulate", "passthrough", "disable");

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
        List<NumaCell> cells = List.of();
        Preserved numaOther = Preserved.NONE;
        Node numa = n.child("numa");
        if (numa != null) {
            cells = NumaCellCodec.parse(numa);
            numaOther = numa.rest();
        }
        return Cpu.builder().mode(mode).match(match).check(check).model(model).modelFallback(fallback).vendor(vendor)
                .topology(topology).features(features).migratable(onOff(n, "migratable"))
                .deprecatedFeatures(onOff(n, "deprecated_features")).cache(cache(n.child("cache")))
                .maxPhysAddr(maxPhysAddr(n.child("maxphysaddr"))).numaCells(cells).numaOther(numaOther)
                .other(n.rest()).build();
    }

    private static String onOff(Node n, String attr) throws VirtException {
        String v = n.attr(attr);
        if (v != null && !v.equals("on") && !v.equals("off")) {
            throw XmlErrors.xml("Invalid value for attribute '" + attr + "' in element 'cpu': '" + v
                    + "'. Expected one of 'on', 'off'");
        }
        return v;
    }

    /** {@code <cache level= mode=/>} (virCPUDefParseXML). */
    private static Cpu.Cache cache(Node c) throws VirtException {
        if (c == null) {
            return null;
        }
        String mode = c.attr("mode");
        if (mode == null) {
            throw XmlErrors.xml("missing CPU cache mode");
        }
        if (!CACHE_MODES.contains(mode)) {
            throw XmlErrors.xml("Invalid CPU cache mode '" + mode + "'");
        }
        Integer level = null;
        if (c.attr("level") != null) {
            level = Num.uint(c, "level");
            if (level > 3) {
                throw XmlErrors.xml("Invalid CPU cache level, must be in range [1,3]");
            }
        }
        c.requireFullyRead();
        return new Cpu.Cache(level, mode);
    }

    /** {@code <maxphysaddr mode= bits= limit=/>}. */
    private static Cpu.MaxPhysAddr maxPhysAddr(Node m) throws VirtException {
        if (m == null) {
            return null;
        }
        String mode = m.attr("mode");
        if (mode == null) {
            throw XmlErrors.xml("Missing required attribute 'mode' in element 'maxphysaddr'");
        }
        if (!mode.equals("passthrough") && !mode.equals("emulate")) {
            throw XmlErrors.xml("Invalid value for attribute 'mode' in element 'maxphysaddr': '" + mode
                    + "'. Expected one of 'passthrough', 'emulate'");
        }
        Cpu.MaxPhysAddr out = new Cpu.MaxPhysAddr(mode, Num.uint(m, "bits"), Num.uint(m, "limit"));
        m.requireFullyRead();
        return out;
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
