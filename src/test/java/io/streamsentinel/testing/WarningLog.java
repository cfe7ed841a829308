package io.streamsentinel.testing;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * The WARN (and worse) lines logged while it is attached, with their logger: a test asserts on a
 * record that a stage skipped with a log line, as documented, instead of dead-lettering it.
 */
public final class WarningLog extends AbstractAppender implements AutoCloseable {

  /** One logged line. */
  public record Line(String logger, String message) {}

  private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();

  private WarningLog() {
    super("warning-log", null, null, true, Property.EMPTY_ARRAY);
  }

  /** Starts collecting from every logger. */
  public static WarningLog attach() {
    WarningLog log = new WarningLog();
    log.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    config.addAppender(log);
    config.getRootLogger().addAppender(log, Level.WARN, null);
    context.updateLoggers();
    return log;
  }

  @Override
  public void append(LogEvent event) {
    lines.add(
        new Line(event.getLoggerName(), String.valueOf(event.getMessage().getFormattedMessage())));
  }

  /**
   * The lines of {@code logger} (a class's name) that name the record at {@code origin} ({@code
   * topic-partition@offset}; {@code t-1@2} is not {@code t-1@20}).
   */
  public List<Line> naming(String logger, String origin) {
    Pattern named = Pattern.compile(Pattern.quote(origin) + "(?!\\d)");
    return lines.stream()
        .filter(l -> l.logger().equals(logger) && named.matcher(l.message()).find())
        .toList();
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(getName());
    context.updateLoggers();
    stop();
  }
}
