package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Timer;
import org.jvirt.api.xml.TimerBuilder;

/** {@code <clock>} (virDomainDefClockParse). */
final class ClockParser {
    private static final Set<String> OFFSETS = Set.of("utc", "localtime", "variable", "timezone", "absolute");
    private static final List<String> TIMERS = List.of("platform", "pit", "rtc", "hpet", "tsc", "kvmclock",
            "hypervclock", "armvtimer");
    private static final List<String> TICK_POLICIES = List.of("delay", "catchup", "merge", "discard");
    private static final List<String> TRACKS = List.of("boot", "guest", "wall", "realtime");
    private static final List<String> MODES = List.of("auto", "native", "emulate", "paravirt", "smpsafe");

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
        Long start = null;
        if ((offset.equals("utc") || offset.equals("localtime")) && adjustment != null
                && !adjustment.equals("reset")) {
            // a numeric adjustment of utc/localtime is libvirt's variable offset on that basis
            if (Num.parse(adjustment, 10) == null) {
                throw XmlErrors.xml("unknown clock adjustment '" + adjustment + "'");
            }
            basis = offset;
            offset = "variable";
        }
        Long seconds = null;
        if (offset.equals("variable")) {
            if (adjustment == null) {
                seconds = 0L;
            } else if (Num.parse(adjustment, 10) == null) {
                throw XmlErrors.xml("Invalid value for attribute 'adjustment' in element 'clock': '" + adjustment
                        + "'. Expected integer value");
            } else {
                seconds = Num.parse(adjustment, 10);
            }
            if (basis == null) {
                basis = "utc";
            }
        }
        if (offset.equals("timezone") && timezone == null) {
            throw XmlErrors.xml("missing timezone for timezone offset");
        }
        if (offset.equals("absolute")) {
            start = Num.ulong(n, "start", 10);
            if (start == null) {
                throw XmlErrors.xml("Missing required attribute 'start' in element 'clock'");
            }
        }
        List<Timer> timers = new ArrayList<>();
        for (Node t : n.children("timer")) {
            timers.add(timer(t));
        }
        boolean reset = "reset".equals(adjustment) && (offset.equals("utc") || offset.equals("localtime"));
        return Clock.builder().offset(offset).adjustment(seconds).adjustmentReset(reset).basis(basis).timezone(timezone).timers(timers)
                .start(start).other(n.rest()).build();
    }

    /** virDomainTimerDefParseXML. */
    private static Timer timer(Node t) throws VirtException {
        String name = t.attr("name");
        if (name == null) {
            throw XmlErrors.xml("missing timer name");
        }
        if (!TIMERS.contains(name)) {
            throw XmlErrors.xml("unknown timer name '" + name + "'");
        }
        String present = t.attr("present");
        if (present != null && !present.equals("yes") && !present.equals("no")) {
            throw XmlErrors.xml("unknown timer present value '" + present + "'");
        }
        TimerBuilder b = Timer.builder().name(name).present(present)
                .tickpolicy(oneOf(t, "tickpolicy", TICK_POLICIES)).track(oneOf(t, "track", TRACKS))
                .mode(oneOf(t, "mode", MODES));
        Long frequency = Num.ulong(t, "frequency", 10);
        Node c = t.child("catchup");
        if (c != null) {
            b.catchupThreshold(Num.uint(c, "threshold")).catchupSlew(Num.uint(c, "slew"))
                    .catchupLimit(Num.uint(c, "limit"));
            c.requireFullyRead();
        }
        return b.frequency(frequency).other(t.rest()).build();
    }

    private static String oneOf(Node t, String attr, List<String> values) throws VirtException {
        String v = t.attr(attr);
        if (v != null && !values.contains(v)) {
            throw XmlErrors.xml("unknown timer " + attr + " '" + v + "'");
        }
        return v;
    }
}
