package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * The parts of {@code <features>} the model reads typed (virDomainFeaturesDefParse): the numbers are
 * checked here with libvirt's wording, and the states libvirt completes while parsing are written in,
 * so {@link org.jvirt.api.xml.Features}'s typed accessors read checked, complete entries.
 */
final class FeaturesCodec {
    private FeaturesCodec() {
    }

    /** One feature as kept in the model. */
    static XmlElement complete(XmlElement e) throws VirtException {
        switch (e.name()) {
            case "pmu", "vmcoreinfo" -> {
                return e.attribute("state") == null ? e.withAttribute("state", "on") : e;
            }
            case "hyperv" -> {
                for (XmlElement f : e.children("spinlocks")) {
                    Num.uint(new Node(f), "retries");
                }
                if (e.attribute("mode") != null) {
                    return e;
                }
                List<XmlAttribute> attrs = new ArrayList<>();
                attrs.add(new XmlAttribute("mode", "custom"));
                attrs.addAll(e.attributes());
                return new XmlElement(e.name(), attrs, e.children(), e.text());
            }
            case "kvm" -> {
                for (XmlElement f : e.children("dirty-ring")) {
                    Num.uint(new Node(f), "size");
                }
                return e;
            }
            case "smm" -> {
                XmlElement tseg = e.child("tseg");
                if (tseg == null) {
                    return e;
                }
                size(tseg);
                if (tseg.attribute("unit") != null) {
                    return e;
                }
                List<XmlElement> kids = new ArrayList<>();
                for (XmlElement k : e.children()) {
                    kids.add(k == tseg ? k.withAttribute("unit", "MiB") : k);
                }
                return e.withChildren(kids);
            }
            case "hpt" -> {
                size(e.child("maxpagesize"));
                return e;
            }
            case "tcg" -> {
                size(e.child("tb-cache"));
                return e;
            }
            default -> {
                return e;
            }
        }
    }

    /** virParseScaledValue's number check: a non-negative integer. */
    private static void size(XmlElement e) throws VirtException {
        if (e == null || e.text() == null) {
            return;
        }
        Long v = Num.parse(e.text().trim(), 10);
        if (v == null || v < 0) {
            throw XmlErrors.xml("invalid value for '" + e.name() + "': '" + e.text().trim() + "'");
        }
    }
}
