package io.streamsentinel.cli;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.config.Durations;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.Snooze;
import io.streamsentinel.registry.RuleRegistry;
import io.streamsentinel.registry.RuleSetVersion;
import io.streamsentinel.registry.RuleSnoozes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sentinel rules snooze|unsnooze|snoozes}: an operator silences one rule for one user or
 * card until a time, lifts it, lists what is silenced. The snoozes live on {@code
 * fraud-rule-snoozes}; every detector follows it.
 */
final class SnoozeCommands {

  private SnoozeCommands() {}

  /** A command on the snoozes. */
  abstract static class SnoozeCommand implements Callable<Integer> {

    final CliContext context;

    @Mixin KafkaOptions kafka;

    private KafkaConfig config;

    SnoozeCommand(CliContext context) {
      this.context = context;
    }

    KafkaConfig config() {
      if (config == null) {
        config = kafka.config();
      }
      return config;
    }

    /** The snoozes, once the catalog's topics exist. */
    RuleSnoozes snoozes() throws InterruptedException {
      Topics.ensure(context, config());
      return new RuleSnoozes(config().clients());
    }
  }

  @Command(
      name = "snooze",
      mixinStandardHelpOptions = true,
      description = {
        "Silences RULE for one user, or for one card of theirs (--card), until a time: every running detector"
            + " applies it within seconds. While it holds, the rule does not fire on the user's (card's)"
            + " transactions whose event time is before the end: it adds nothing to the score and gives no reason,"
            + " and each such decision names it in \"snoozed\". Other rules, other users and a model's own score are"
            + " untouched. Use it for a known false positive (a customer's travel, a merchant's test charges), not"
            + " as a rule change.",
        "RULE must be a rule of the set in force (published on fraud-rules, else the built-in default); an"
            + " unknown name is refused with the close ones. The end is --until or --for, in the future and at most"
            + " 90 days ahead. A snooze of the same rule and user (or card) is replaced. Kept on the compacted"
            + " topic fraud-rule-snoozes with the reason, operator and time, until `rules unsnooze`; one that has"
            + " expired silences nothing.",
        "Exit codes: 0 snoozed; 2 an unknown rule or a bad user, card, end, reason or operator."
      })
  static final class SnoozeRule extends SnoozeCommand {

    @Parameters(
        paramLabel = "RULE",
        description = "The rule's id, as in the rule file (`sentinel rules show active`).")
    String rule;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The user id.")
    String user;

    @Option(
        names = "--card",
        paramLabel = "LAST4",
        description =
            "Only the user's card ending in these 4 digits (a transaction's card_last4); default: every card.")
    String card;

    @ArgGroup(exclusive = true, multiplicity = "1")
    End end;

    /** Exactly one way to say when it ends. */
    static final class End {
      @Option(
          names = "--until",
          paramLabel = "INSTANT",
          description =
              "When it ends, ISO-8601, e.g. 2026-05-01T18:00:00Z (compared with event time).")
      String until;

      @Option(
          names = "--for",
          paramLabel = "DURATION",
          converter = DurationOption.class,
          description = "How long from now, e.g. 30m, 12h, 7d.")
      Duration length;
    }

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why (kept with the snooze, shown by `rules snoozes`).")
    String reason;

    @Option(
        names = "--operator",
        paramLabel = "NAME",
        defaultValue = "${sys:user.name}",
        description = "Who does it (default: the OS user).")
    String operator;

    @Option(
        names = "--force",
        description =
            "Snooze RULE even when the set in force has no such rule: one of a set about to be published, or of"
                + " detectors started with --rules FILE.")
    boolean force;

    SnoozeRule(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Snooze snooze;
      try {
        snooze = Snooze.request(rule, user, card, end(now), reason, operator, now);
      } catch (IllegalArgumentException e) {
        context.err().println("rules snooze: " + e.getMessage());
        return RulesCommand.INVALID;
      }
      RuleSnoozes snoozes = snoozes();
      if (!force) {
        String unknown = notInForce(snooze.rule());
        if (unknown != null) {
          context.err().println("rules snooze: " + unknown);
          return RulesCommand.INVALID;
        }
      }
      Snooze replaced = snoozes.snooze(snooze);
      context
          .out()
          .printf(
              Locale.ROOT,
              "Rule %s snoozed for user %s%s until %s (event time): every running detector applies it"
                  + " within seconds.%n",
              snooze.rule(),
              snooze.userId(),
              Snooze.cardPhrase(snooze.cardLast4()),
              snooze.until());
      if (replaced != null) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "It replaces the snooze until %s set by %s at %s.%n",
                replaced.until(),
                replaced.operator(),
                replaced.createdAt().truncatedTo(ChronoUnit.SECONDS));
      }
      return 0;
    }

    /**
     * @throws IllegalArgumentException naming the option when the end cannot be read
     */
    private Instant end(Instant now) {
      if (end.length != null) {
        if (end.length.isZero()) {
          throw new IllegalArgumentException(
              "--for " + Durations.format(end.length) + " is no time");
        }
        if (end.length.compareTo(Snooze.MAX_AHEAD) > 0) {
          throw new IllegalArgumentException(
              "--for "
                  + Durations.format(end.length)
                  + " is longer than "
                  + Durations.format(Snooze.MAX_AHEAD));
        }
        return now.plus(end.length);
      }
      try {
        return Instant.parse(end.until);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--until '"
                + end.until
                + "' is not an instant; use ISO-8601, e.g. 2026-05-01T18:00:00Z");
      }
    }

    /** Why {@code name} is not a rule of the set in force, or null when it is one. */
    private String notInForce(String name) {
      Optional<RuleSetVersion> published =
          new RuleRegistry(config().clients(), Clock.systemUTC()).active();
      return published.isPresent()
          ? SnoozeCommands.unknownRule(name, published.get().rules(), "in force")
          : SnoozeCommands.unknownRule(
              name, RuleSetCodec.loadDefault(), "the built-in default; none is published");
    }
  }

  /**
   * Why {@code name} is not a rule of {@code rules}, naming the set and the close rule ids; null
   * when it is one.
   *
   * @param which what the set is, for the message ("in force")
   */
  static String unknownRule(String name, RuleSet rules, String which) {
    List<String> ids = rules.rules().stream().map(Rule::id).toList();
    if (ids.contains(name)) {
      return null;
    }
    List<String> close = CloseNames.to(name, ids);
    return "rule '"
        + name
        + "' is not in rule set "
        + rules.version()
        + " ("
        + which
        + ")"
        + (close.isEmpty() ? "" : "; close: " + String.join(", ", close))
        + ". `sentinel rules show active` lists the rules in force; --force snoozes the name anyway.";
  }

  @Command(
      name = "unsnooze",
      mixinStandardHelpOptions = true,
      description = {
        "Lifts the snooze of RULE for the user (or, with --card, for that card of theirs): every running"
            + " detector fires the rule for them again within seconds. A snooze of the same rule for the user's"
            + " other scope (the user's, or a card's) stays.",
        "Exit codes: 0 lifted; 2 no such snooze (the user's snoozes are named)."
      })
  static final class UnsnoozeRule extends SnoozeCommand {

    @Parameters(paramLabel = "RULE", description = "The rule's id.")
    String rule;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The user id.")
    String user;

    @Option(
        names = "--card",
        paramLabel = "LAST4",
        description = "The card the snooze names; leave out for the user's own snooze.")
    String card;

    UnsnoozeRule(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      try {
        Snooze.requireCardLast4(card);
      } catch (IllegalArgumentException e) {
        context.err().println("rules unsnooze: " + e.getMessage());
        return RulesCommand.INVALID;
      }
      RuleSnoozes snoozes = snoozes();
      Snooze lifted = snoozes.unsnooze(rule, user, card);
      if (lifted == null) {
        List<String> others =
            snoozes.list().stream()
                .filter(s -> s.userId().equals(user))
                .map(s -> s.rule() + (s.cardLast4() == null ? "" : " --card " + s.cardLast4()))
                .toList();
        context
            .err()
            .println(
                "rules unsnooze: no snooze of rule '"
                    + rule
                    + "' for user '"
                    + user
                    + "'"
                    + Snooze.cardPhrase(card)
                    + (others.isEmpty()
                        ? "; the user has none"
                        : "; the user's snoozes: " + String.join(", ", others)));
        return RulesCommand.INVALID;
      }
      context
          .out()
          .printf(
              Locale.ROOT,
              "Snooze of rule %s for user %s%s lifted: every running detector fires it again within"
                  + " seconds.%n",
              lifted.rule(),
              lifted.userId(),
              Snooze.cardPhrase(lifted.cardLast4()));
      return 0;
    }
  }

  @Command(
      name = "snoozes",
      mixinStandardHelpOptions = true,
      description = {
        "The rules snoozed now (until still ahead of the clock), oldest first, with the user, card, end, who set"
            + " each, when and why. Detectors judge a transaction by its event time, so a snooze listed as expired"
            + " still silences a transaction dated before its end.",
        "--all also lists the expired ones still on fraud-rule-snoozes (until `rules unsnooze` lifts them)."
      })
  static final class ListSnoozes extends SnoozeCommand {

    @Option(names = "--all", description = "Also the expired snoozes.")
    boolean all;

    ListSnoozes(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      Instant now = Instant.now();
      List<Snooze> held = snoozes().list();
      List<Snooze> shown = held.stream().filter(s -> all || s.isActiveAt(now)).toList();
      long hidden = held.size() - shown.size();
      if (shown.isEmpty()) {
        context.out().println("No rule is snoozed" + hiddenNote(hidden) + ".");
        return 0;
      }
      String format = "%-28s %-20s %-5s %-20s %-7s %-20s %-12s %s%n";
      context
          .out()
          .printf(
              Locale.ROOT,
              format,
              "RULE",
              "USER",
              "CARD",
              "UNTIL",
              "STATE",
              "CREATED",
              "OPERATOR",
              "REASON");
      for (Snooze s : shown) {
        context
            .out()
            .printf(
                Locale.ROOT,
                format,
                s.rule(),
                s.userId(),
                s.cardLast4() == null ? "any" : s.cardLast4(),
                s.until().truncatedTo(ChronoUnit.SECONDS),
                s.isActiveAt(now) ? "active" : "expired",
                s.createdAt().truncatedTo(ChronoUnit.SECONDS),
                s.operator(),
                s.reason());
      }
      if (hidden > 0) {
        context.out().println("(" + hidden + " expired, not shown; --all lists them)");
      }
      return 0;
    }

    private static String hiddenNote(long hidden) {
      return hidden == 0 ? "" : " (" + hidden + " expired; --all lists them)";
    }
  }

  @Command(
      name = "purge-snoozes",
      mixinStandardHelpOptions = true,
      description = {
        "Lifts every snooze that ended more than --grace ago, in one transaction, and names each. An ended"
            + " snooze silences nothing for new payments, but it stays on fraud-rule-snoozes and in every"
            + " detector's memory until it is lifted. Detectors judge a transaction by its event time, so a"
            + " payment that arrives late, dated before a snooze's end, is still silenced by it; the grace keeps"
            + " ended snoozes for such stragglers.",
        "Exit codes: 0 purged (or nothing to purge); 2 a bad --grace."
      })
  static final class PurgeSnoozes extends SnoozeCommand {

    @Option(
        names = "--grace",
        paramLabel = "DURATION",
        defaultValue = "1d",
        converter = DurationOption.class,
        description =
            "How long after its end a snooze is kept (default: ${DEFAULT-VALUE}), e.g. 0s, 12h, 7d.")
    Duration grace;

    PurgeSnoozes(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      Instant cutoff = Instant.now().minus(grace);
      List<Snooze> purged = snoozes().purgeEndedBefore(cutoff);
      for (Snooze s : purged) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "lifted: rule %s for user %s%s, ended %s%n",
                s.rule(),
                s.userId(),
                Snooze.cardPhrase(s.cardLast4()),
                s.until().truncatedTo(ChronoUnit.SECONDS));
      }
      context
          .out()
          .printf(
              Locale.ROOT,
              "%d snooze%s lifted that ended before %s.%n",
              purged.size(),
              purged.size() == 1 ? "" : "s",
              cutoff.truncatedTo(ChronoUnit.SECONDS));
      return 0;
    }
  }
}
