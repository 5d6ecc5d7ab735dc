package org.jvirt.logging.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * jvirtd's logging, set up in code: everything at {@code jvirt.log.level} (default INFO) to
 * {@code <log dir>/jvirtd.log}, rolled daily to {@code jvirtd.<yyyy-MM-dd>.log} with 14 days kept
 * ({@link DailyRollingPolicy}), and to stderr, so that command
 * output on the console's stdout stays clean. The log folder is {@code jvirt.log.dir}, else
 * {@code <jvirt.home>/var/log}. dist/etc/logback.xml.example is the same configuration as Logback
 * XML.
 * <p>
 * Why in code: Logback's XML configuration (Joran: the SAX parser, its rules, model and handlers,
 * some 300 classes and 70 lambdas that a class data archive cannot hold for a bundle) was the
 * largest single cost of jvirtd's start after the framework itself; the lines are formatted by
 * {@link JvirtdLayout} rather than Logback's PatternLayout for the same reason. Logback finds this class
 * through its ServiceLoader (this bundle is a fragment of logback-classic) before its own
 * configurators; when the system property {@code logback.configurationFile} names a file, this
 * configurator steps aside and Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class JvirtdLogConfigurator extends ContextAwareBase implements Configurator {
    static final int DAYS_KEPT = 14;

    private final UnaryOperator<String> properties;

    /** The configurator Logback's ServiceLoader instantiates: reads the system properties. */
    public JvirtdLogConfigurator() {
        this(System::getProperty);
    }

    JvirtdLogConfigurator(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String file = properties.apply(ContextInitializer.CONFIG_FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            addInfo("logback.configurationFile is set: Logback reads " + file);
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String dir = logDir();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(properties.apply("jvirt.log.level"), Level.INFO));
        root.addAppender(fileAppender(context, dir));
        root.addAppender(consoleAppender(context));
        addInfo("jvirtd logging: " + dir + "/jvirtd.log and stderr");
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    String logDir() {
        String dir = properties.apply("jvirt.log.dir");
        if (dir != null && !dir.isBlank()) {
            return dir;
        }
        String home = properties.apply("jvirt.home");
        return (home == null || home.isBlank() ? "." : home) + "/var/log";
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, String dir) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(dir + "/jvirtd.log");
        // rolled as Logback's TimeBasedRollingPolicy with jvirtd.%d{yyyy-MM-dd}.log would, without
        // its calendar (DailyRollingPolicy says why)
        DailyRollingPolicy<ILoggingEvent> policy =
                new DailyRollingPolicy<>(Path.of(dir), "jvirtd", DAYS_KEPT, Clock.systemDefaultZone());
        policy.setContext(context);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context, JvirtdLayout.file()));
        appender.start();
        return appender;
    }

    private static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("CONSOLE");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, JvirtdLayout.console()));
        appender.start();
        return appender;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, JvirtdLayout layout) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
