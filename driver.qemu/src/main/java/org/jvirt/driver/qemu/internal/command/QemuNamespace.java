package org.jvirt.driver.qemu.internal.command;

import java.util.Map;

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

    static void apply(QemuDomain d, Argv a, Map<String, String> env) {
        String prefix = prefix(d);
        if (prefix == null) {
            return;
        }
        for (XmlElement e : d.def.other().children()) {
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

    /** The prefix bound to libvirt's QEMU namespace on {@code <domain>}, or null. */
    private static String prefix(QemuDomain d) {
        for (var attr : d.def.other().attributes()) {
            if (attr.name().startsWith("xmlns:") && NS.equals(attr.value())) {
                return attr.name().substring("xmlns:".length());
            }
        }
        return null;
    }
}
