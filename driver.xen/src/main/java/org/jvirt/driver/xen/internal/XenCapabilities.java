package org.jvirt.driver.xen.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libvirt's {@code libxlMakeCapabilities} from what libxl reports: the host's architecture and, for
 * every entry of libxl's capability string ({@code xen-3.0-x86_64 hvm-3.0-x86_32p ...}), a guest
 * of os type {@code xen} (machine {@code xenpv}) or {@code hvm} (machine {@code xenfv}, with the
 * hvmloader), plus {@code xenpvh} where HVM is possible.
 */
final class XenCapabilities {
    private static final Pattern CAP = Pattern.compile("(xen|hvm)-\\d+\\.\\d+-(x86_32p?|x86_64|aarch64|armv7l)");
    static final String EMULATOR = "/usr/lib/xen/bin/qemu-system-i386";
    static final String HVMLOADER = "/usr/lib/xen/boot/hvmloader";

    private XenCapabilities() {
    }

    private record Guest(String osType, String arch, boolean pae) {
    }

    static String xml(String hostArch, String xenCaps) {
        Map<String, Guest> guests = new LinkedHashMap<>();
        Matcher m = CAP.matcher(xenCaps);
        while (m.find()) {
            String arch = m.group(2).startsWith("x86_32") ? "i686" : m.group(2);
            boolean pae = m.group(2).equals("x86_32p") || arch.equals("x86_64");
            String os = m.group(1).equals("hvm") ? "hvm" : "xen";
            guests.merge(os + "/" + arch, new Guest(os, arch, pae), (a, b) -> new Guest(os, arch, a.pae || b.pae));
            if (os.equals("hvm")) {
                guests.putIfAbsent("xenpvh/" + arch, new Guest("xenpvh", arch, pae));
            }
        }
        StringBuilder sb = new StringBuilder("<capabilities>\n\n  <host>\n    <cpu>\n      <arch>").append(hostArch)
                .append("</arch>\n    </cpu>\n    <power_management/>\n    <migration_features>\n      <live/>\n")
                .append("      <uri_transports>\n        <uri_transport>xenmigr</uri_transport>\n")
                .append("      </uri_transports>\n    </migration_features>\n  </host>\n");
        for (Guest g : guests.values()) {
            guest(sb, g);
        }
        return sb.append("\n</capabilities>\n").toString();
    }

    private static void guest(StringBuilder sb, Guest g) {
        boolean hvm = g.osType.equals("hvm");
        String machine = switch (g.osType) {
            case "hvm" -> "xenfv";
            case "xenpvh" -> "xenpvh";
            default -> "xenpv";
        };
        sb.append("\n  <guest>\n    <os_type>").append(g.osType).append("</os_type>\n    <arch name='").append(g.arch)
                .append("'>\n      <wordsize>").append(g.arch.equals("i686") || g.arch.equals("armv7l") ? 32 : 64)
                .append("</wordsize>\n      <emulator>").append(EMULATOR).append("</emulator>\n");
        if (hvm) {
            sb.append("      <loader>").append(HVMLOADER).append("</loader>\n");
        }
        sb.append("      <machine>").append(machine).append("</machine>\n      <domain type='xen'/>\n    </arch>\n");
        sb.append("    <features>\n");
        if (g.pae) {
            sb.append("      <pae/>\n");
        }
        if (hvm) {
            sb.append("      <acpi default='on' toggle='yes'/>\n      <apic default='on' toggle='no'/>\n")
                    .append("      <hap default='on' toggle='yes'/>\n");
        }
        sb.append("    </features>\n  </guest>\n");
    }
}
