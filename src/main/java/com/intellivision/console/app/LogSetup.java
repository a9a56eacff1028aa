package com.intellivision.console.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging of the console, its workers and its commands, set in code (found by logback through
 * {@code META-INF/services}): read from XML, the same few lines cost every start a quarter of a second
 * for an XML parser and logback's configuration model, before the window could open.
 * <p>
 * Everything goes to stderr, never stdout: a worker's stdout carries its protocol, a command's the job's
 * JSON. The level is WARN, or what the system property {@value #LEVEL_PROPERTY} says.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    public static final String LEVEL_PROPERTY = "intellivision.log.level";
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.WARN));
        root.addAppender(stderr);
        // serve's request lines (method, path, status, time) are its access log.
        context.getLogger("serve.requests").setLevel(Level.INFO);
        context.getLogger("ffmpeg").setLevel(Level.WARN);
        context.getLogger("oshi").setLevel(Level.WARN);
        // The keychain's D-Bus traffic: at DEBUG it dumps whole messages, the (encrypted) secrets included.
        context.getLogger("org.freedesktop").setLevel(Level.WARN);
        context.getLogger("org.gnome").setLevel(Level.WARN);
        // Jetty at DEBUG logs every request header as parsed, the serve's bearer token included.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
