package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * Parse-time normalisations libvirt applies to parts the domain model keeps unmodelled: feature
 * states, the Hyper-V mode and NUMA cell ids.
 */
final class GenericDefaults {
    private GenericDefaults() {
    }

    static DomainDef apply(DomainDef def) {
        def = featureStates(def);
        return hyperv(def);
    }

    /**
     * Features written as a bare element mean "on"; libvirt writes the state (and TSEG's unit).
     * TODO(typed): features pmu, vmcoreinfo, smm, hyperv (helper "dom" types them)
     */
    private static DomainDef featureStates(DomainDef def) {
        Features f = def.features();
        if (f == null) {
            return def;
        }
        List<XmlElement> entries = new ArrayList<>();
        boolean changed = false;
        for (XmlElement e : f.entries()) {
            if ((e.name().equals("pmu") || e.name().equals("vmcoreinfo")) && e.attribute("state") == null) {
                e = e.withAttribute("state", "on");
                changed = true;
            }
            if (e.name().equals("smm")) {
                XmlElement tseg = e.child("tseg");
                if (tseg != null && tseg.attribute("unit") == null) {
                    List<XmlElement> kids = new ArrayList<>();
                    for (XmlElement k : e.children()) {
                        kids.add(k == tseg ? k.withAttribute("unit", "MiB") : k);
                    }
                    e = e.withChildren(kids);
                    changed = true;
                }
            }
            entries.add(e);
        }
        return changed ? def.withFeatures(Features.builder().entries(entries).build()) : def;
    }

    private static DomainDef hyperv(DomainDef def) {
        Features f = def.features();
        if (f == null) {
            return def;
        }
        XmlElement hv = f.get("hyperv");
        if (hv == null || hv.attribute("mode") != null) {
            return def;
        }
        List<XmlElement> entries = new ArrayList<>();
        for (XmlElement e : f.entries()) {
            if (e == hv) {
                List<XmlAttribute> attrs = new ArrayList<>();
                attrs.add(new XmlAttribute("mode", "custom"));
                attrs.addAll(hv.attributes());
                entries.add(new XmlElement(hv.name(), attrs, hv.children(), hv.text()));
            } else {
                entries.add(e);
            }
        }
        return def.withFeatures(Features.builder().entries(entries).build());
    }

    /** virScaleInteger: a size in {@code unit} (default KiB) as KiB, rounded up. */
    static long toKib(String value, String unit) {
        long v = Long.parseLong(value);
        long bytes;
        String u = unit == null ? "KiB" : unit;
        long scale = switch (u) {
            case "b", "bytes" -> 1L;
            case "KB" -> 1000L;
            case "k", "K", "KiB" -> 1024L;
            case "MB" -> 1000L * 1000;
            case "m", "M", "MiB" -> 1024L * 1024;
            case "GB" -> 1000L * 1000 * 1000;
            case "g", "G", "GiB" -> 1024L * 1024 * 1024;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "t", "T", "TiB" -> 1024L * 1024 * 1024 * 1024;
            default -> 1024L;
        };
        if (v == -1 || v >= Long.MAX_VALUE / scale) {
            return v;
        }
        bytes = v * scale;
        return (bytes + 1023) / 1024;
    }
}
