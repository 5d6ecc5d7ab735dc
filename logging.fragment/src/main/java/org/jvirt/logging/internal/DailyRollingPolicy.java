package org.jvirt.logging.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.rolling.RollingPolicy;
import ch.qos.logback.core.rolling.RolloverFailure;
import ch.qos.logback.core.rolling.TriggeringPolicy;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The log file rolled once a day, as Logback's {@code TimeBasedRollingPolicy} with the file name
 * pattern {@code <name>.%d{yyyy-MM-dd}.log} and {@code maxHistory} does (dist/etc/logback.xml.example):
 * at the first event of a new day the active file {@code <name>.log} becomes
 * {@code <name>.<its day>.log}, and the rolled files of days older than the days kept are deleted.
 * The day of an existing active file at start is the day it was last written, so that yesterday's
 * log is rolled at today's first event.
 * <p>
 * Why not Logback's: its {@code RollingCalendar} is a {@code GregorianCalendar}, whose first use in
 * the JVM makes the JDK list every locale it has data for (some 1,000 {@code Locale} objects, kept
 * for the JVM's life) to find the first day of the week: measured as the largest part of setting up
 * jvirtd's logging at each start. This one counts days with {@code java.time}, which the log lines'
 * timestamps use already.
 */
final class DailyRollingPolicy<E> extends ContextAwareBase implements RollingPolicy, TriggeringPolicy<E> {
    private final Path dir;
    private final String name;
    private final int daysKept;
    private final Clock clock;
    private final ZoneId zone;
    private volatile boolean started;
    private LocalDate day;                  // the day of the active file's events
    private volatile long nextDayMillis;    // the first millisecond after that day

    /**
     * @param dir      the log folder
     * @param name     the active file's name without {@code .log}
     * @param daysKept rolled files kept (days before the active file's)
     * @param clock    the time and zone to count days in
     */
    DailyRollingPolicy(Path dir, String name, int daysKept, Clock clock) {
        this.dir = dir;
        this.name = name;
        this.daysKept = daysKept;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    Path activeFile() {
        return dir.resolve(name + ".log");
    }

    Path rolledFile(LocalDate date) {
        return dir.resolve(name + "." + date + ".log");
    }

    @Override
    public void start() {
        Path active = activeFile();
        long modified = 0;
        try {
            if (Files.exists(active)) {
                modified = Files.getLastModifiedTime(active).toMillis();
            }
        } catch (IOException e) {
            addWarn("cannot read the time of " + active + ": " + e.getMessage());
        }
        setDay(modified > 0 ? LocalDate.ofInstant(Instant.ofEpochMilli(modified), zone) : LocalDate.now(clock));
        started = true;
    }

    private void setDay(LocalDate newDay) {
        day = newDay;
        nextDayMillis = newDay.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    @Override
    public boolean isTriggeringEvent(File activeFile, E event) {
        return clock.millis() >= nextDayMillis;
    }

    /** Called by the appender with its file closed, under its lock. */
    @Override
    public void rollover() throws RolloverFailure {
        Path active = activeFile();
        try {
            if (Files.exists(active)) {
                Files.move(active, rolledFile(day), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RolloverFailure("cannot roll " + active + " over: " + e.getMessage());
        }
        setDay(LocalDate.now(clock));
        deleteOlderThan(day.minusDays(daysKept));
    }

    private void deleteOlderThan(LocalDate oldestKept) {
        String prefix = name + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "????-??-??.log")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                try {
                    LocalDate date = LocalDate.parse(fileName.substring(prefix.length(), fileName.length() - 4));
                    if (date.isBefore(oldestKept)) {
                        Files.deleteIfExists(file);
                    }
                } catch (DateTimeParseException e) {
                    // not one of ours (a name that only looks like a date): left alone
                }
            }
        } catch (IOException e) {
            addWarn("cannot remove old log files in " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public String getActiveFileName() {
        return activeFile().toString();
    }

    @Override
    public CompressionMode getCompressionMode() {
        return CompressionMode.NONE;
    }

    @Override
    public void setParent(FileAppender<?> appender) {
        // the files are named by this policy, not by the appender's file property
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }
}
