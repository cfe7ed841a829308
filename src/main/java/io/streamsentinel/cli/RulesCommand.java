package io.streamsentinel.cli;

import io.streamsentinel.codec.InvalidRuleFileException;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.learning.Backtest;
import io.streamsentinel.registry.RuleRegistry;
import io.streamsentinel.registry.RuleSetVersion;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sentinel rules}: rule sets as files, and operators' snoozes of single rules. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Rule sets: check a rule file, publish it to every running detector, list the published sets, show one,"
          + " roll back to an earlier one. Snoozes: silence one rule for one user or card until a time, lift it,"
          + " list them, purge the ended ones.",
      "Published sets live in the compacted topic fraud-rules, one record per version (the file's \"version\")."
          + " Detectors follow it and switch to a newly published set within seconds, between two records, without"
          + " restart; a published set takes precedence over `detect --rules`. Every decision names the set that"
          + " scored it in rule_set_version.",
      "Snoozes live in the compacted topic fraud-rule-snoozes, one record per rule and user (or card); detectors"
          + " follow it the same way, and a decision names the rules snoozed for it in \"snoozed\"."
    },
    subcommands = {
      RulesCommand.Validate.class,
      RulesCommand.Publish.class,
      RulesCommand.ListSets.class,
      RulesCommand.Show.class,
      RulesCommand.Rollback.class,
      SnoozeCommands.SnoozeRule.class,
      SnoozeCommands.UnsnoozeRule.class,
      SnoozeCommands.ListSnoozes.class,
      SnoozeCommands.PurgeSnoozes.class
    })
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

  /** A command on the published rule sets. */
  abstract static class RegistryCommand implements Callable<Integer> {

    final CliContext context;

    @Mixin KafkaOptions kafka;

    RegistryCommand(CliContext context) {
      this.context = context;
    }

    /** The registry, once the catalog's topics exist. */
    RuleRegistry registry() throws InterruptedException {
      KafkaConfig config = kafka.config();
      Topics.ensure(context, config);
      return new RuleRegistry(config.clients(), Clock.systemUTC());
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Validates FILE, backtests it on the logged decisions against what was live (as `backtest --rules FILE`"
            + " does), asks for confirmation, and publishes it on fraud-rules: every running detector scores with it"
            + " within seconds. The set in force before is archived; `rules rollback` brings it back.",
        "Publishing the set already in force changes nothing; a version already published with other rules is"
            + " refused (give the file a new version).",
        "Exit codes: 0 published (or already in force); 2 invalid file, version clash, or not confirmed."
      })
  static final class Publish extends RegistryCommand {

    @Parameters(paramLabel = "FILE", description = "The rule file (JSON).")
    Path file;

    @Option(names = "--yes", description = "Publish without asking (scripts, CI).")
    boolean yes;

    @Option(
        names = "--threshold",
        paramLabel = "S",
        defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
        description = "Alert threshold of the backtest (default: ${DEFAULT-VALUE}).")
    double threshold;

    Publish(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
      RuleSet rules;
      try {
        rules = RuleSetCodec.load(file);
      } catch (InvalidRuleFileException e) {
        context.err().println("rules publish: " + e.getMessage());
        return INVALID;
      }
      RuleRegistry registry = registry();
      context
          .out()
          .println("Backtest of rule set " + rules.version() + " on the logged decisions:");
      int replayed =
          BacktestCommand.replay(
              context,
              "rules publish",
              kafka.config().clients(),
              Backtest.rules(rules),
              null,
              null,
              threshold,
              null);
      if (replayed != 0) {
        context.out().println("(no labelled history to backtest against)");
      }
      context.out().flush();
      if (!yes && !confirmed(rules.version())) {
        return INVALID;
      }
      try {
        String before = registry.active().map(RuleSetVersion::version).orElse(null);
        RuleSetVersion v = registry.publish(rules);
        context
            .out()
            .println(
                v.version().equals(before)
                    ? "Rule set " + v.version() + " is already in force; nothing changed."
                    : "Rule set "
                        + v.version()
                        + " published; detectors score with it within seconds"
                        + (before == null ? "." : " (it replaces " + before + ")."));
        return 0;
      } catch (IllegalArgumentException e) {
        context.err().println("rules publish: " + e.getMessage());
        return INVALID;
      }
    }

    private boolean confirmed(String version) {
      Console console = System.console();
      if (console == null) {
        context
            .err()
            .println(
                "rules publish: no terminal to confirm on; pass --yes to publish without asking");
        return false;
      }
      String answer =
          console.readLine("Publish rule set %s to every running detector? [y/N] ", version);
      if (answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
        return true;
      }
      context.err().println("rules publish: not published");
      return false;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The published rule sets, first published first, with their status.")
  static final class ListSets extends RegistryCommand {

    ListSets(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      List<RuleSetVersion> all = registry().list();
      if (all.isEmpty()) {
        context
            .out()
            .println(
                "No rule set is published; detectors score with the rules they were started with.");
        return 0;
      }
      context
          .out()
          .printf(
              Locale.ROOT,
              "%-24s %-9s %-6s %-24s %-24s %s%n",
              "VERSION",
              "STATUS",
              "RULES",
              "PUBLISHED",
              "STATUS CHANGED",
              "SHA256");
      for (RuleSetVersion v : all) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "%-24s %-9s %-6d %-24s %-24s %s%n",
                v.version(),
                v.status().wireName(),
                v.rules().rules().size(),
                v.publishedAt().truncatedTo(ChronoUnit.SECONDS),
                v.statusChangedAt().truncatedTo(ChronoUnit.SECONDS),
                v.sha256().substring(0, 12));
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "One published rule set: its status and times on stderr, the rule file on stdout (so"
            + " `sentinel rules show active > rules.json` gives a file to edit and publish under a new version).",
        "Exit codes: 0 shown; 2 no such version."
      })
  static final class Show extends RegistryCommand {

    @Parameters(paramLabel = "VERSION", description = "A published version, or active.")
    String version;

    Show(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      RuleSetVersion v;
      try {
        v = registry().find(version);
      } catch (IllegalArgumentException e) {
        context.err().println("rules show: " + e.getMessage());
        return INVALID;
      }
      context
          .err()
          .printf(
              Locale.ROOT,
              "Rule set %s: %s, published %s, status changed %s, sha256 %s%n",
              v.version(),
              v.status().wireName(),
              v.publishedAt(),
              v.statusChangedAt(),
              v.sha256());
      context.err().flush();
      context.out().println(new String(RuleSetCodec.encode(v.rules()), StandardCharsets.UTF_8));
      return 0;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Puts the published VERSION back in force on every running detector, within seconds; the set in force"
            + " is archived.",
        "Exit codes: 0 done; 2 no such version."
      })
  static final class Rollback extends RegistryCommand {

    @Parameters(paramLabel = "VERSION", description = "A published version.")
    String version;

    Rollback(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      RuleRegistry registry = registry();
      try {
        String before = registry.active().map(RuleSetVersion::version).orElse(null);
        RuleSetVersion v = registry.rollback(version);
        context
            .out()
            .println(
                "Rule set "
                    + v.version()
                    + " is in force again"
                    + (before == null || before.equals(v.version())
                        ? "."
                        : " (it replaces " + before + ")."));
        return 0;
      } catch (IllegalArgumentException e) {
        context.err().println("rules rollback: " + e.getMessage());
        return INVALID;
      }
    }
  }
}
