package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.DomainState;

/**
 * The domains Xen runs, as {@code xl list -v} prints them (libxl's {@code libxl_list_domain}):
 * name, id, memory in MiB, online vCPUs, the state flags ({@code r b p s}, the shutdown reason, {@code d}),
 * CPU time, UUID (xl 4.17's {@code list_domains} format).
 */
final class XlDomainList {
    /** One running domain. */
    record Entry(String name, int id, long memoryKiB, int vcpus, String flags, double cpuSeconds, UUID uuid) {
        /**
         * libvirt's view of libxl's flags ({@code r b p s}, the shutdown reason letter of
         * {@code -rscwS}, {@code d}): shut down for a crash, shutting down, dying, paused, running.
         */
        DomainState state() {
            if (flags.charAt(3) == 's') {
                return flags.charAt(4) == 'c' ? DomainState.CRASHED : DomainState.SHUTDOWN;
            }
            if (flags.charAt(5) == 'd') {
                return DomainState.SHUTDOWN;
            }
            return flags.charAt(2) == 'p' ? DomainState.PAUSED : DomainState.RUNNING;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([r-][b-][p-][s-][-rscwS?][d-])\\s+([\\d.]+)\\s+([0-9a-fA-F-]{36})\\b.*$");

    private XlDomainList() {
    }

    /** The domains, Domain-0 included; lines that are no domain (the header) are skipped. */
    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)) * 1024,
                        Integer.parseInt(m.group(4)), m.group(5), Double.parseDouble(m.group(6)),
                        UUID.fromString(m.group(7))));
            }
        }
        return entries;
    }
}
