package io.keydeck.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

import io.keydeck.settings.PlatformDirs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * KeyDeck's logging, set up in code: a rolling file in the data dir (5 MB × 3) and, for the window,
 * warnings on stderr, every message and stack trace passed through the redacting converters. Found by Logback
 * as a {@link Configurator} service; reading an XML file instead cost about a fifth of a second of
 * every start. A {@code logback-test.xml} on the class path or {@code -Dlogback.configurationFile}
 * still wins, so tests and users can override it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{30} - %redactedMsg%n%redactedEx";
    /** System property: "true" keeps warnings off stderr (the command line, which reports in its own words). */
    public static final String FILE_ONLY = "keydeck.log.fileOnly";
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss} %-5level %logger{20} - %redactedMsg%n%redactedEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getResource("/logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, logDir());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Replaces {@code context}'s configuration with KeyDeck's, logging to {@code logDir}. */
    public static void apply(LoggerContext context, Path logDir) {
        context.reset();
        registerConverters(context);

        RollingFileAppender<ILoggingEvent> file = new PrivateRollingFileAppender();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logDir.resolve("keydeck.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logDir.resolve("keydeck.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, FILE_PATTERN));
        rolling.start();
        trigger.start();
        file.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        console.addFilter(warnings);
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
        if (!Boolean.getBoolean(FILE_ONLY)) {
            root.addAppender(console);
        }
        context.getLogger("io.keydeck").setLevel(Level.INFO);
    }

    /** Where the log files go: {@code keydeck.logDir} (set by the launcher), else {@code logs} in the platform data dir ($XDG_DATA_HOME). */
    static Path logDir() {
        String configured = System.getProperty("keydeck.logDir");
        return configured != null ? Path.of(configured) : PlatformDirs.current().dataDir().resolve("logs");
    }

    @SuppressWarnings("unchecked")
    private static void registerConverters(LoggerContext context) {
        Map<String, Supplier<?>> rules = (Map<String, Supplier<?>>) context.getObject(
                CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("redactedMsg", RedactingMessageConverter::new);
        rules.put("redactedEx", RedactingThrowableConverter::new);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
