package org.jvirt.driver.qemu.internal.domcaps;

import java.util.Map;

import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.CustomModel;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Element;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Enum;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Feature;

/**
 * Formats {@link DomainCaps} as libvirt 9.0's virDomainCapsFormat does, byte for byte: two spaces
 * an indentation level, single-quoted attributes, empty enums as {@code <enum name='x'/>}, SEV and
 * SGX reported as unsupported (jvirt does not probe either).
 */
public final class DomainCapsXml {
    private DomainCapsXml() {
    }

    public static String format(DomainCaps caps) {
        StringBuilder x = new StringBuilder("<domainCapabilities>\n");
        line(x, 1, "<path>" + esc(caps.path()) + "</path>");
        line(x, 1, "<domain>" + caps.virtType() + "</domain>");
        if (caps.machine() != null) {
            line(x, 1, "<machine>" + esc(caps.machine()) + "</machine>");
        }
        line(x, 1, "<arch>" + caps.arch() + "</arch>");
        if (caps.maxVcpus() > 0) {
            line(x, 1, "<vcpu max='" + caps.maxVcpus() + "'/>");
        }
        if (caps.iothreads() != null) {
            line(x, 1, "<iothreads supported='" + yesNo(caps.iothreads()) + "'/>");
        }
        element(x, 1, caps.os());
        cpu(x, caps.cpu());
        element(x, 1, caps.memoryBacking());
        line(x, 1, "<devices>");
        for (Element d : caps.devices()) {
            element(x, 2, d);
        }
        line(x, 1, "</devices>");
        features(x, caps);
        return x.append("</domainCapabilities>\n").toString();
    }

    private static void features(StringBuilder x, DomainCaps caps) {
        line(x, 1, "<features>");
        element(x, 2, caps.gic());
        for (Map.Entry<String, Boolean> f : caps.features().entrySet()) {
            line(x, 2, "<" + f.getKey() + " supported='" + yesNo(f.getValue()) + "'/>");
        }
        line(x, 2, "<sev supported='no'/>");
        line(x, 2, "<sgx supported='no'/>");
        if (caps.hyperv() != null) {
            element(x, 2, caps.hyperv());
        }
        line(x, 1, "</features>");
    }

    private static void cpu(StringBuilder x, DomainCaps.Cpu cpu) {
        line(x, 1, "<cpu>");
        migratableMode(x, "host-passthrough", cpu.hostPassthrough(),
                new Enum("hostPassthroughMigratable", cpu.hostPassthroughMigratable()));
        migratableMode(x, "maximum", cpu.maximum(), new Enum("maximumMigratable", cpu.maximumMigratable()));
        if (cpu.hostModel() == null) {
            line(x, 2, "<mode name='host-model' supported='no'/>");
        } else {
            line(x, 2, "<mode name='host-model' supported='yes'>");
            line(x, 3, "<model fallback='forbid'>" + esc(cpu.hostModel().model()) + "</model>");
            if (cpu.hostModel().vendor() != null) {
                line(x, 3, "<vendor>" + esc(cpu.hostModel().vendor()) + "</vendor>");
            }
            for (Feature f : cpu.hostModel().features()) {
                line(x, 3, "<feature policy='" + f.policy() + "' name='" + esc(f.name()) + "'/>");
            }
            line(x, 2, "</mode>");
        }
        if (cpu.custom().isEmpty()) {
            line(x, 2, "<mode name='custom' supported='no'/>");
        } else {
            line(x, 2, "<mode name='custom' supported='yes'>");
            for (CustomModel m : cpu.custom()) {
                line(x, 3, "<model usable='" + m.usable() + "'" + (m.deprecated() ? " deprecated='yes'" : "")
                        + " vendor='" + (m.vendor() == null ? "unknown" : esc(m.vendor())) + "'>" + esc(m.name())
                        + "</model>");
            }
            line(x, 2, "</mode>");
        }
        line(x, 1, "</cpu>");
    }

    private static void migratableMode(StringBuilder x, String mode, boolean supported, Enum values) {
        if (!supported) {
            line(x, 2, "<mode name='" + mode + "' supported='no'/>");
            return;
        }
        line(x, 2, "<mode name='" + mode + "' supported='yes'>");
        enumeration(x, 3, values);
        line(x, 2, "</mode>");
    }

    private static void element(StringBuilder x, int level, Element e) {
        if (!e.supported()) {
            line(x, level, "<" + e.name() + " supported='no'/>");
            return;
        }
        line(x, level, "<" + e.name() + " supported='yes'>");
        for (String v : e.values()) {
            line(x, level + 1, "<value>" + esc(v) + "</value>");
        }
        for (Enum en : e.enums()) {
            enumeration(x, level + 1, en);
        }
        for (Element c : e.children()) {
            element(x, level + 1, c);
        }
        line(x, level, "</" + e.name() + ">");
    }

    private static void enumeration(StringBuilder x, int level, Enum e) {
        if (e.values().isEmpty()) {
            line(x, level, "<enum name='" + e.name() + "'/>");
            return;
        }
        line(x, level, "<enum name='" + e.name() + "'>");
        for (String v : e.values()) {
            line(x, level + 1, "<value>" + esc(v) + "</value>");
        }
        line(x, level, "</enum>");
    }

    private static void line(StringBuilder x, int level, String text) {
        x.append("  ".repeat(level)).append(text).append('\n');
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** libvirt's virBufferEscapeString: the five XML specials. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
