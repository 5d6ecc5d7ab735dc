package org.jvirt.driver.qemu.internal.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Timer;

/** {@code <clock>}: the RTC base and tracking ({@code -rtc}), the PIT tick policy and the TZ variable. */
final class ClockArgs {
    private static final DateTimeFormatter RTC_BASE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final QemuMachine m;
    private final CommandEnv env;

    ClockArgs(QemuMachine m, CommandEnv env) {
        this.m = m;
        this.env = env;
    }

    /** The {@code <clock><timer>}s, empty without a clock. */
    static List<Timer> timers(DomainDef def) {
        return def.clock() == null ? List.of() : def.clock().timers();
    }

    void clock(Argv a, Map<String, String> vars) {
        Clock clock = m.def().clock() == null ? Clock.utc() : m.def().clock();
        if ("timezone".equals(clock.offset()) && clock.timezone() != null) {
            vars.put("TZ", clock.timezone());
        }
        StringBuilder rtc = new StringBuilder("base=");
        switch (clock.offset()) {
            case "localtime", "timezone" -> rtc.append("localtime");
            case "variable", "absolute" -> rtc.append(RTC_BASE.format(
                    Instant.ofEpochSecond(start(clock)).atOffset(ZoneOffset.UTC)));
            default -> rtc.append("utc");
        }
        String pitPolicy = null;
        for (Timer t : clock.timers()) {
            if ("rtc".equals(t.name())) {
                switch (t.track() == null ? "" : t.track()) {
                    case "host" -> rtc.append(",clock=host");
                    case "guest" -> rtc.append(",clock=vm");
                    case "realtime" -> rtc.append(",clock=rt");
                    default -> {
                    }
                }
                if ("catchup".equals(t.tickpolicy())) {
                    rtc.append(",driftfix=slew");
                }
            } else if ("pit".equals(t.name())) {
                pitPolicy = t.tickpolicy();
            }
        }
        a.add("-rtc", rtc.toString());
        if ("delay".equals(pitPolicy) || "discard".equals(pitPolicy)) {
            a.add("-global", "kvm-pit.lost_tick_policy=" + pitPolicy);
        }
    }

    /** The guest's RTC start (epoch seconds) for a variable or absolute clock. */
    private long start(Clock clock) {
        if ("absolute".equals(clock.offset()) && clock.start() != null) {
            return clock.start();
        }
        long adj = clock.adjustment() == null ? 0 : clock.adjustment();
        long now = env.host().epochSeconds();
        return now + adj + ("localtime".equals(clock.basis()) ? env.host().utcOffsetSeconds(now) : 0);
    }
}
