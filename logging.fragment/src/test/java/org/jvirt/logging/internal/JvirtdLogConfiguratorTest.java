package org.jvirt.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;

class JvirtdLogConfiguratorTest {
    @TempDir
    Path dir;

    private static ExecutionStatus configure(LoggerContext context, Map<String, String> properties) {
        JvirtdLogConfigurator configurator = new JvirtdLogConfigurator(properties::get);
        configurator.setContext(context);
        return configurator.configure(context);
    }

    @Test
    void logsToTheRolledFileAndToStderrAtTheConfiguredLevel() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());     // as Logback's SLF4J provider does
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY,
                configure(context, Map.of("jvirt.log.dir", dir.toString(), "jvirt.log.level", "WARN")));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        RollingFileAppender<?> file = assertInstanceOf(RollingFileAppender.class, root.getAppender("FILE"));
        assertTrue(file.isStarted());
        DailyRollingPolicy<?> policy = assertInstanceOf(DailyRollingPolicy.class, file.getRollingPolicy());
        assertEquals(dir + "/jvirtd.log", policy.getActiveFileName());
        assertEquals(dir.resolve("jvirtd.2026-12-01.log"), policy.rolledFile(LocalDate.of(2026, 12, 1)));
        assertEquals(file.getTriggeringPolicy(), policy);
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
        assertEquals("System.err", console.getTarget());

        context.getLogger("org.jvirt.test").warn("kept {}", 1);
        context.getLogger("org.jvirt.test").info("dropped");
        context.stop();
        String log = Files.readString(dir.resolve("jvirtd.log"));
        assertTrue(log.matches("\\d{4}-\\d\\d-\\d\\dT[^ ]+ WARN  \\[[^]]+\\] org\\.jvirt\\.test - kept 1\\R"), log);
    }

    @Test
    void defaultsToInfoUnderTheHomesVarLog() {
        LoggerContext context = new LoggerContext();
        JvirtdLogConfigurator configurator = new JvirtdLogConfigurator(Map.of("jvirt.home", dir.toString())::get);
        assertEquals(dir + "/var/log", configurator.logDir());
        configurator.setContext(context);
        configurator.configure(context);
        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        context.stop();
    }

    @Test
    void stepsAsideForAConfigurationFile() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY,
                configure(context, Map.of("logback.configurationFile", "/etc/jvirt/logback.xml")));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE"));
    }
}
