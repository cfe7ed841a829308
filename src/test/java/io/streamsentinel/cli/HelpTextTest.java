package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.runtime.ShutdownSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: no text picocli cannot format. */
class HelpTextTest {

  @Test
  void everyCommandsHelpShouldFormatWithoutPicocliFallingBackToTheRawText() {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new ShutdownSignal());
    CommandLine root = new CommandLine(new SentinelCli(), new ContextFactory(context));
    List<CommandLine> commands = new ArrayList<>();
    collect(root, commands);
    // picocli reports a description it cannot format (a lone '%', as in "10 % of") on System.err
    // and prints the raw text instead.
    PrintStream saved = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    List<String> usages = new ArrayList<>();
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (CommandLine command : commands) {
        usages.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
      }
    } finally {
      System.setErr(saved);
    }

    assertThat(commands).hasSizeGreaterThan(30);
    assertThat(usages).allSatisfy(usage -> assertThat(usage).contains("Usage:"));
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }
}
