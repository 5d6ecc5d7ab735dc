package org.jvirt.driver.qemu.internal.security;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * The DAC {@code <seclabel>} of a definition (libvirt's virSecurityLabelDef for model
 * {@code dac}): its type, whether files are relabelled, the process label and the image label.
 * The model keeps {@code <seclabel>} verbatim in {@link DomainDef#other()}; this reads it with
 * libvirt's defaults (type dynamic; static and none do not relabel unless told) and writes the
 * live one back as libvirt formats it (virSecurityLabelDefFormat).
 *
 * @param type       {@code dynamic}, {@code static} or {@code none}
 * @param relabel    whether the guest's files are given to it
 * @param label      the process label, null when none was given or generated
 * @param imageLabel the files' label, null when not relabelling
 */
public record DomainSeclabel(String type, boolean relabel, String label, String imageLabel) {
    static final String MODEL = "dac";
    private static final String ELEMENT = "seclabel";

    /**
     * The DAC seclabel of {@code def} as written, null when it has none. A seclabel naming
     * another model fails as libvirt's virSecurityManagerCheckModel does, and the combinations
     * libvirt's parser refuses fail with its messages.
     */
    static DomainSeclabel of(DomainDef def) throws VirtException {
        DomainSeclabel found = null;
        for (XmlElement e : seclabels(def.other())) {
            String model = e.attribute("model");
            if (model != null && !MODEL.equals(model) && !"none".equals(model)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.SECURITY,
                        "Unable to find security driver for model " + model);
            }
            if (found == null && !"none".equals(model)) {
                found = read(e);
            }
        }
        return found;
    }

    /** The {@code <seclabel>} elements among {@code other}. */
    static List<XmlElement> seclabels(Preserved other) {
        return other.children().stream().filter(e -> ELEMENT.equals(e.name())).toList();
    }

    private static DomainSeclabel read(XmlElement e) throws VirtException {
        String type = e.attribute("type") == null ? "dynamic" : e.attribute("type");
        if (!List.of("dynamic", "static", "none").contains(type)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "Invalid value for attribute 'type' in element 'seclabel': '" + type + "'.");
        }
        boolean relabel = "dynamic".equals(type);
        String r = e.attribute("relabel");
        if (r != null) {
            if (!r.equals("yes") && !r.equals("no")) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "invalid security relabel value " + r);
            }
            relabel = r.equals("yes");
            if ("dynamic".equals(type) && !relabel) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "dynamic label type must use resource relabeling");
            }
            if ("none".equals(type) && relabel) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "resource relabeling is not compatible with 'none' label type");
            }
        }
        // a dynamic label is read back from a live definition; generate() replaces it at each start
        String label = "none".equals(type) ? null : text(e.child("label"));
        if ("static".equals(type) && label == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "security label is missing");
        }
        return new DomainSeclabel(type, relabel, label, relabel ? text(e.child("imagelabel")) : null);
    }

    private static String text(XmlElement e) {
        return e == null || e.text() == null || e.text().isBlank() ? null : e.text().strip();
    }

    /**
     * The label of a start (libvirt's virSecurityDACGenLabel): a dynamic one gets the
     * configured {@code +UID:+GID}, a relabelling one an image label equal to its label.
     */
    static DomainSeclabel generate(DomainSeclabel written, DacLabel configured) {
        DomainSeclabel s = written == null ? new DomainSeclabel("dynamic", true, null, null) : written;
        String label = "dynamic".equals(s.type) ? configured.toString() : s.label;
        String image = s.relabel && s.imageLabel != null && !"dynamic".equals(s.type) ? s.imageLabel : label;
        return new DomainSeclabel(s.type, s.relabel, label, s.relabel ? image : null);
    }

    /** {@code def} with this seclabel in place of its DAC one (after any other model's, as libvirt orders them). */
    DomainDef applyTo(DomainDef def) {
        List<XmlElement> children = new ArrayList<>();
        boolean placed = false;
        for (XmlElement e : def.other().children()) {
            boolean dac = ELEMENT.equals(e.name()) && !"none".equals(e.attribute("model"));
            if (!dac) {
                children.add(e);
            } else if (!placed) {
                children.add(toElement());
                placed = true;
            }
        }
        if (!placed) {
            children.add(toElement());
        }
        return def.withOther(new Preserved(def.other().attributes(), children));
    }

    XmlElement toElement() {
        List<XmlAttribute> attrs = new ArrayList<>(List.of(new XmlAttribute("type", type),
                new XmlAttribute("model", MODEL)));
        if ("none".equals(type)) {
            return new XmlElement(ELEMENT, attrs, List.of(), null);
        }
        attrs.add(new XmlAttribute("relabel", relabel ? "yes" : "no"));
        List<XmlElement> children = new ArrayList<>();
        if (label != null) {
            children.add(new XmlElement("label", List.of(), List.of(), label));
        }
        if (relabel && imageLabel != null) {
            children.add(new XmlElement("imagelabel", List.of(), List.of(), imageLabel));
        }
        return new XmlElement(ELEMENT, attrs, children, null);
    }
}
