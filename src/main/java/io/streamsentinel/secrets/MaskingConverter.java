package io.streamsentinel.secrets;

import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code %mask{pattern}} in a log4j2 pattern layout: the inner pattern's text with {@link
 * Secrets#maskText} applied, the stack trace included (the inner pattern writes it, so every
 * exception message and cause is masked too). Whatever a library logs passes through it, which a
 * rule applied at our call sites could not promise.
 *
 * <p>log4j2 finds it through the plugin index that its annotation processor writes into the jar
 * while compiling ({@code
 * META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat}).
 */
@Plugin(name = "MaskingConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"mask"})
public final class MaskingConverter extends LogEventPatternConverter {

  private final List<PatternFormatter> formatters;
  private final boolean handlesThrowable;

  private MaskingConverter(List<PatternFormatter> formatters) {
    super("mask", "mask");
    this.formatters = formatters;
    this.handlesThrowable = formatters.stream().anyMatch(PatternFormatter::handlesThrowable);
  }

  /** Called by log4j2 with the text between the braces; null (and a status error) without it. */
  public static MaskingConverter newInstance(Configuration config, String[] options) {
    if (options == null || options.length != 1 || options[0].isEmpty()) {
      StatusLogger.getLogger().error("%mask needs one pattern in braces: %mask{%msg%n}");
      return null;
    }
    // alwaysWriteExceptions: a throwable is written inside the masked text, not after it.
    return new MaskingConverter(
        PatternLayout.createPatternParser(config).parse(options[0], true, false, false));
  }

  @Override
  public void format(LogEvent event, StringBuilder toAppendTo) {
    StringBuilder inner = new StringBuilder(128);
    for (PatternFormatter formatter : formatters) {
      formatter.format(event, inner);
    }
    toAppendTo.append(Secrets.maskText(inner.toString()));
  }

  /** True when the inner pattern writes the throwable, so the layout does not add it again. */
  @Override
  public boolean handlesThrowable() {
    return handlesThrowable;
  }
}
