package io.streamsentinel.cli;

import io.streamsentinel.codec.InvalidRuleFileException;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sentinel rules}: rule sets as files. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "Rule sets: check a rule file before it is used (detect --rules, backtest --rules).",
    subcommands = {RulesCommand.Validate.class})
final class RulesCommand {

  /** Exit code of an invalid rule file. */
  static final int INVALID = 2;

  private RulesCommand() {}

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Reads FILE as a rule set, exactly as the detector would, and says whether it is valid. An error names"
            + " the file, the rule and the field, e.g. rule 'burst': conditions[0].feature: unknown feature 'x'.",
        "Exit codes: 0 valid; 2 invalid or unreadable."
      })
  static final class Validate implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "FILE", description = "The rule file (JSON).")
    Path file;

    Validate(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      RuleSet rules;
      try {
        rules = RuleSetCodec.load(file);
      } catch (InvalidRuleFileException e) {
        context.err().println("rules validate: " + e.getMessage());
        return INVALID;
      }
      long hard = rules.rules().stream().filter(Rule::alwaysAlert).count();
      context
          .out()
          .printf(
              Locale.ROOT,
              "%s is a valid rule set: version %s, %d rules (%d always_alert), step-up weight %s%n",
              file,
              rules.version(),
              rules.rules().size(),
              hard,
              rules.stepUpWeight());
      for (Rule r : rules.rules()) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "  %-28s weight %.2f  %s%s%n",
                r.id(),
                r.weight(),
                r.reasonCode(),
                r.alwaysAlert() ? "  always_alert" : "");
      }
      return 0;
    }
  }
}
