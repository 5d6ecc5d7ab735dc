package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * {@code <qemu:commandline>} passthrough (namespace
 * {@code http://libvirt.org/schemas/domain/qemu/1.0}): extra arguments appended verbatim and extra
 * environment variables.
 */
final class QemuNamespace {
    static final String NS = "http://libvirt.org/schemas/domain/qemu/1.0";

    private QemuNamespace() {
    }

    static void apply(DomainDef def, Argv a, Map<String, String> env) {
        String prefix = prefix(def);
        if (prefix == null) {
            return;
        }
        for (XmlElement e : def.other().children()) {
            if (!e.name().equals(prefix + ":commandline")) {
                continue;
            }
            for (XmlElement c : e.children()) {
                if (c.name().equals(prefix + ":arg") && c.attribute("value") != null) {
                    a.add(c.attribute("value"));
                } else if (c.name().equals(prefix + ":env") && c.attribute("name") != null) {
                    env.put(c.attribute("name"), c.attribute("value") == null ? "" : c.attribute("value"));
                }
            }
        }
    }

    /**
     * libvirt's QEMU namespace handler formats its elements with the {@code qemu:} prefix declared on
     * {@code <domain>}, whatever prefix or default namespace the input used.
     */
    static DomainDef normalise(DomainDef def) {
        List<XmlElement> children = new ArrayList<>();
        boolean found = false;
        String oldPrefix = prefix(def);
        for (XmlElement e : def.other().children()) {
            String local = localName(e, oldPrefix);
            if (local != null) {
                children.add(prefixed(e, oldPrefix));
                found = true;
            } else {
                children.add(e);
            }
        }
        if (!found) {
            return def;
        }
        List<XmlAttribute> attrs = new ArrayList<>();
        for (XmlAttribute a : def.other().attributes()) {
            if (!(a.name().startsWith("xmlns:") && NS.equals(a.value()))) {
                attrs.add(a);
            }
        }
        attrs.add(0, new XmlAttribute("xmlns:qemu", NS));
        return def.withOther(new Preserved(attrs, children));
    }

    /** The element's name in the QEMU namespace, or null when it is not in it. */
    private static String localName(XmlElement e, String prefix) {
        if (NS.equals(e.attribute("xmlns"))) {
            return e.name();
        }
        if (prefix != null && e.name().startsWith(prefix + ":")) {
            return e.name().substring(prefix.length() + 1);
        }
        for (XmlAttribute a : e.attributes()) {
            if (a.name().startsWith("xmlns:") && NS.equals(a.value())
                    && e.name().startsWith(a.name().substring(6) + ":")) {
                return e.name().substring(a.name().length() - 5);
            }
        }
        return null;
    }

    private static XmlElement prefixed(XmlElement e, String prefix) {
        String local = e.name().contains(":") ? e.name().substring(e.name().indexOf(':') + 1) : e.name();
        List<XmlAttribute> attrs = new ArrayList<>();
        for (XmlAttribute a : e.attributes()) {
            if (!a.name().equals("xmlns") && !a.name().startsWith("xmlns:")) {
                attrs.add(a);
            }
        }
        List<XmlElement> kids = new ArrayList<>();
        for (XmlElement c : e.children()) {
            kids.add(prefixed(c, prefix));
        }
        return new XmlElement("qemu:" + local, attrs, kids, e.text());
    }

    private static String prefix(DomainDef def) {
        for (var attr : def.other().attributes()) {
            if (attr.name().startsWith("xmlns:") && NS.equals(attr.value())) {
                return attr.name().substring("xmlns:".length());
            }
        }
        return null;
    }

    /** The prefix bound to libvirt's QEMU namespace on {@code <domain>}, or null. */
}
