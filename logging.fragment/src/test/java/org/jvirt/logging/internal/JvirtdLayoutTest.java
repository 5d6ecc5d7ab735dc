package org.jvirt.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Layout;

/** jvirtd's layouts write what Logback's PatternLayout writes for the same patterns. */
class JvirtdLayoutTest {
    private final LoggerContext context = new LoggerContext();

    private Layout<ILoggingEvent> started(Layout<ILoggingEvent> layout) {
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private Layout<ILoggingEvent> pattern(String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setPattern(pattern);
        return started(layout);
    }

    private ILoggingEvent event(String logger, Level level, Throwable thrown, String message, Object... args) {
        Logger log = context.getLogger(logger);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), log, level, message, thrown, args);
        event.setThreadName("jvirt-rpc-worker-1");
        return event;
    }

    private void assertSameLines(String pattern, Layout<ILoggingEvent> ours, ILoggingEvent event) {
        assertEquals(pattern(pattern).doLayout(event), started(ours).doLayout(event));
    }

    @Test
    void fileLinesAreThePatternsLines() {
        ILoggingEvent event = event("org.jvirt.driver.qemu.internal.QemuDriver", Level.INFO, null, "guest {} started", "vm1");
        assertSameLines(JvirtdLayout.FILE_PATTERN, JvirtdLayout.file(), event);
        String line = started(JvirtdLayout.file()).doLayout(event);
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  "
                + "\\[jvirt-rpc-worker-1\\] org\\.jvirt\\.driver\\.qemu\\.internal\\.QemuDriver - guest vm1 started\\R"), line);
    }

    @Test
    void consoleLinesAreThePatternsLinesWithShortenedLoggers() {
        for (String logger : new String[] {"org.jvirt.rpc.internal.server.ChannelListener", "Short", "a.b.C",
            "org.jvirt.driver.qemu.internal.vcpu.ResolverBinding"}) {
            for (Level level : new Level[] {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE}) {
                assertSameLines(JvirtdLayout.CONSOLE_PATTERN, JvirtdLayout.console(), event(logger, level, null, "x={}", 1));
            }
        }
    }

    @Test
    void stackTracesFollowTheLineAsPatternLayoutWritesThem() {
        IOException cause = new IOException("disk gone");
        IllegalStateException thrown = new IllegalStateException("cannot save", cause);
        thrown.addSuppressed(new RuntimeException("cleanup failed"));
        ILoggingEvent event = event("org.jvirt.core.store.FileStateStore", Level.ERROR, thrown, "save failed");
        assertSameLines(JvirtdLayout.FILE_PATTERN, JvirtdLayout.file(), event);
        assertSameLines(JvirtdLayout.CONSOLE_PATTERN, JvirtdLayout.console(), event);
        assertTrue(started(JvirtdLayout.console()).doLayout(event).contains("Caused by: java.io.IOException: disk gone"));
    }
}
