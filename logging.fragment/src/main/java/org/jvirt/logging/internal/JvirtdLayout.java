package org.jvirt.logging.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * jvirtd's two log line formats, written out in code: what Logback's {@code PatternLayout} makes of
 * {@link #FILE_PATTERN} ({@link #file()}) and {@link #CONSOLE_PATTERN} ({@link #console()}), each
 * followed by the event's stack trace as PatternLayout appends it.
 * <p>
 * Why not PatternLayout: its class initialiser registers every converter Logback has through a
 * method reference, some 66 lambdas and 70 classes at each start that a class data archive cannot
 * hold for a bundle, to format two fixed patterns.
 */
final class JvirtdLayout extends LayoutBase<ILoggingEvent> {
    /** The log file's format as a Logback pattern (dist/etc/logback.xml.example has it too). */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";
    /** The console's format as a Logback pattern. */
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    private static final int LEVEL_WIDTH = 5;

    private final DateTimeFormatter time;
    private final boolean thread;
    private final Abbreviator abbreviator;

    /** The log file's lines: {@link #FILE_PATTERN}. */
    static JvirtdLayout file() {
        return new JvirtdLayout("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", true, null);
    }

    /** The console's lines: {@link #CONSOLE_PATTERN}, logger names shortened to about 20 characters. */
    static JvirtdLayout console() {
        return new JvirtdLayout("HH:mm:ss.SSS", false, new TargetLengthBasedClassNameAbbreviator(20));
    }

    private JvirtdLayout(String timePattern, boolean thread, Abbreviator abbreviator) {
        this.time = DateTimeFormatter.ofPattern(timePattern).withZone(ZoneId.systemDefault());
        this.thread = thread;
        this.abbreviator = abbreviator;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        time.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++) {
            line.append(' ');
        }
        line.append(' ');
        if (thread) {
            line.append('[').append(event.getThreadName()).append("] ");
        }
        String logger = event.getLoggerName();
        line.append(abbreviator == null ? logger : abbreviator.abbreviate(logger));
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
