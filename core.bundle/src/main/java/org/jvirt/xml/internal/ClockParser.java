package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.XmlElement;

/** {@code <clock>} (virDomainDefClockParse). */
final class ClockParser {
    private static final Set<String> OFFSETS = Set.of("utc", "localtime", "variable", "timezone", "absolute");

    Clock parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        String offset = n.attr("offset");
        if (offset == null) {
            offset = "utc";
        }
        if (!OFFSETS.contains(offset)) {
            throw XmlErrors.xml("unknown clock offset '" + offset + "'");
        }
        String adjustment = n.attr("adjustment");
        String basis = n.attr("basis");
        String timezone = n.attr("timezone");
        if (offset.equals("variable")) {
            if (adjustment == null) {
                adjustment = "0";
            }
            if (basis == null) {
                basis = "utc";
            }
        }
        if (offset.equals("timezone") && timezone == null) {
            throw XmlErrors.xml("missing timezone for timezone offset");
        }
        List<XmlElement> timers = new ArrayList<>();
        for (Node t : n.children("timer")) {
            timers.add(t.element());
        }
        return Clock.builder().offset(offset).adjustment(adjustment).basis(basis).timezone(timezone).timers(timers)
                .other(n.rest()).build();
    }
}
