package org.jvirt.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;

class DailyRollingPolicyTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    /** A clock the test moves. */
    private static final class SetClock extends Clock {
        Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ZONE).toInstant();
    }

    private Logger logger(LoggerContext context, DailyRollingPolicy<ILoggingEvent> policy) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setFile(dir.resolve("jvirtd.log").toString());
        policy.setContext(context);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context));
        appender.start();
        assertTrue(appender.isStarted(), "the appender accepts the policy as rolling and triggering policy");
        Logger logger = context.getLogger("org.jvirt.test");
        logger.addAppender(appender);
        return logger;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context) {
        JvirtdLayout layout = JvirtdLayout.file();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    @Test
    void rollsAtTheFirstEventOfANewDayInTheClocksZone() throws Exception {
        SetClock clock = new SetClock(at(12, 1, 23, 58));
        LoggerContext context = new LoggerContext();
        Logger log = logger(context, new DailyRollingPolicy<>(dir, "jvirtd", 14, clock));
        log.info("first day");
        clock.now = at(12, 1, 23, 59);
        log.info("still the first day");
        assertFalse(Files.exists(dir.resolve("jvirtd.2026-12-01.log")));
        clock.now = at(12, 2, 0, 0);
        log.info("second day");
        context.stop();

        String rolled = Files.readString(dir.resolve("jvirtd.2026-12-01.log"));
        assertTrue(rolled.contains("first day") && rolled.contains("still the first day"), rolled);
        assertFalse(rolled.contains("second day"), rolled);
        String active = Files.readString(dir.resolve("jvirtd.log"));
        assertTrue(active.contains("second day") && !active.contains("first day"), active);
    }

    @Test
    void anActiveFileFromAnEarlierDayIsRolledUnderItsOwnDay() throws Exception {
        Path active = dir.resolve("jvirtd.log");
        Files.writeString(active, "written on November 20th\n");
        Files.setLastModifiedTime(active, FileTime.from(at(11, 20, 12, 0)));
        SetClock clock = new SetClock(at(12, 2, 9, 0));
        LoggerContext context = new LoggerContext();
        Logger log = logger(context, new DailyRollingPolicy<>(dir, "jvirtd", 14, clock));
        log.info("today");
        context.stop();

        assertEquals("written on November 20th\n", Files.readString(dir.resolve("jvirtd.2026-11-20.log")));
        assertTrue(Files.readString(active).contains("today"));
    }

    @Test
    void keepsTheRolledFilesOfTheDaysKeptAndLeavesOtherFilesAlone() throws Exception {
        LocalDate today = LocalDate.of(2026, 12, 2);
        for (int back = 1; back <= 20; back++) {
            Files.writeString(dir.resolve("jvirtd." + today.minusDays(back) + ".log"), "old\n");
        }
        Files.writeString(dir.resolve("jvirtd.2026-13-45.log"), "not a date\n");
        Files.writeString(dir.resolve("other.2026-01-01.log"), "another log\n");
        Path active = dir.resolve("jvirtd.log");
        Files.writeString(active, "yesterday\n");
        Files.setLastModifiedTime(active, FileTime.from(at(12, 1, 12, 0)));
        SetClock clock = new SetClock(at(12, 2, 9, 0));
        LoggerContext context = new LoggerContext();
        Logger log = logger(context, new DailyRollingPolicy<>(dir, "jvirtd", 14, clock));
        log.info("today");
        context.stop();

        for (int back = 1; back <= 20; back++) {
            Path file = dir.resolve("jvirtd." + today.minusDays(back) + ".log");
            assertEquals(back <= 14, Files.exists(file), file + " kept");
        }
        assertEquals("yesterday\n", Files.readString(dir.resolve("jvirtd.2026-12-01.log")));
        assertTrue(Files.exists(dir.resolve("jvirtd.2026-13-45.log")));
        assertTrue(Files.exists(dir.resolve("other.2026-01-01.log")));
    }
}
