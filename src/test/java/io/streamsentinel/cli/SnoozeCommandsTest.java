package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.testing.CliRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rules snooze|unsnooze|snoozes} without a broker: bad input is refused naming it before
 * Kafka is asked, an unknown rule is refused with the close names, and the help says what a snooze
 * does. (With a broker: {@code RuleSnoozeIT}.)
 */
class SnoozeCommandsTest {

  /** A cluster nobody listens on: a command that got as far as Kafka would fail differently. */
  private static final String[] NOWHERE = {"-b", "localhost:1"};

  private static CliRunner run(int expectedExit, String... args) {
    String[] all = new String[args.length + NOWHERE.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(NOWHERE, 0, all, args.length, NOWHERE.length);
    CliRunner cli = new CliRunner();
    assertThat(cli.run(all)).as(cli.out() + cli.err()).isEqualTo(expectedExit);
    return cli;
  }

  @Test
  void anEndNotInTheFutureOrTooFarAheadShouldBeRefusedNamingIt() {
    assertThat(run(2, "rules", "snooze", "r", "--user", "u", "--for", "0s", "--reason", "x").err())
        .contains("rules snooze: --for 0s is no time");
    assertThat(run(2, "rules", "snooze", "r", "--user", "u", "--for", "91d", "--reason", "x").err())
        .contains("--for 91d is longer than 90d");
    assertThat(
            run(2, "rules", "snooze", "r", "--user", "u", "--for", "2161h", "--reason", "x").err())
        .as("a length just over 90 days is named as given, not truncated to days")
        .contains("--for 2161h is longer than 90d");
    assertThat(
            run(
                    2,
                    "rules",
                    "snooze",
                    "r",
                    "--user",
                    "u",
                    "--until",
                    "2020-01-01T00:00:00Z",
                    "--reason",
                    "x")
                .err())
        .contains("until 2020-01-01T00:00:00Z is not in the future");
    assertThat(
            run(2, "rules", "snooze", "r", "--user", "u", "--until", "tomorrow", "--reason", "x")
                .err())
        .contains("--until 'tomorrow' is not an instant");
  }

  @Test
  void badUserCardReasonOrOperatorShouldBeRefusedNamingThem() {
    assertThat(
            run(
                    2,
                    "rules",
                    "snooze",
                    "r",
                    "--user",
                    "u",
                    "--card",
                    "4111111111111111",
                    "--for",
                    "1h",
                    "--reason",
                    "x")
                .err())
        .contains("card must be the last 4 digits")
        .doesNotContain("4111");
    assertThat(
            run(2, "rules", "snooze", "r", "--user", "a|b", "--for", "1h", "--reason", "x").err())
        .contains("user 'a|b'");
    assertThat(run(2, "rules", "snooze", "r", "--user", "u", "--for", "1h", "--reason", " ").err())
        .contains("reason is missing");
    assertThat(
            run(
                    2,
                    "rules",
                    "snooze",
                    "r",
                    "--user",
                    "u",
                    "--for",
                    "1h",
                    "--reason",
                    "x",
                    "--operator",
                    "")
                .err())
        .contains("operator is missing");
    assertThat(run(2, "rules", "unsnooze", "r", "--user", "u", "--card", "12").err())
        .contains("rules unsnooze: card must be the last 4 digits");
  }

  @Test
  void theEndShouldBeGivenExactlyOnceAndTheReasonAlways() {
    assertThat(run(2, "rules", "snooze", "r", "--user", "u", "--reason", "x").err())
        .contains("--until")
        .contains("--for");
    assertThat(
            run(
                    2,
                    "rules",
                    "snooze",
                    "r",
                    "--user",
                    "u",
                    "--for",
                    "1h",
                    "--until",
                    "2099-01-01T00:00:00Z",
                    "--reason",
                    "x")
                .err())
        .contains("mutually exclusive");
    assertThat(run(2, "rules", "snooze", "r", "--user", "u", "--for", "1h").err())
        .contains("--reason");
  }

  @Test
  void anUnknownRuleShouldBeRefusedWithTheCloseNames() {
    RuleSet rules = RuleSetCodec.loadDefault();
    String known = rules.rules().get(0).id();
    String typo = known.substring(0, known.length() - 1) + "x";

    assertThat(SnoozeCommands.unknownRule(known, rules, "in force")).isNull();
    assertThat(SnoozeCommands.unknownRule(typo, rules, "in force"))
        .contains("rule '" + typo + "' is not in rule set " + rules.version() + " (in force)")
        .contains("close: " + known)
        .contains("--force");
    assertThat(SnoozeCommands.unknownRule("zzzzzzzzzzzzzzzzzzzz", rules, "in force"))
        .doesNotContain("close:");
  }

  @Test
  void closeNamesShouldBeTheNearestFewIgnoringCase() {
    List<String> known = List.of("velocity_burst_1m", "velocity_burst_10m", "night_owl", "far");

    assertThat(CloseNames.to("velocity_burts_1m", known))
        .containsExactly("velocity_burst_1m", "velocity_burst_10m");
    assertThat(CloseNames.to("NIGHT_OWL", known)).containsExactly("night_owl");
    assertThat(CloseNames.to("velocity", known))
        .as("a part of a name")
        .containsExactly("velocity_burst_1m", "velocity_burst_10m");
    assertThat(CloseNames.to("completely_different", known)).isEmpty();
    assertThat(CloseNames.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void theHelpShouldSayWhatASnoozeDoes() {
    CliRunner help = new CliRunner();
    assertThat(help.run("rules", "snooze", "--help")).isZero();

    assertThat(help.out())
        .contains("event time")
        .contains("snoozed")
        .contains("90 days")
        .contains("fraud-rule-snoozes")
        .contains("--card")
        .contains("--force");
    CliRunner rules = new CliRunner();
    assertThat(rules.run("rules", "--help")).isZero();
    assertThat(rules.out()).contains("snooze").contains("unsnooze").contains("snoozes");
    CliRunner list = new CliRunner();
    assertThat(list.run("rules", "snoozes", "--help")).isZero();
    assertThat(list.out()).contains("--all");
  }

  @Test
  void purgeShouldRefuseABadGraceNamingItAndExplainTheGrace() {
    assertThat(run(2, "rules", "purge-snoozes", "--grace", "-1d").err()).contains("-1d");
    assertThat(run(2, "rules", "purge-snoozes", "--grace", "soon").err()).contains("soon");

    CliRunner help = new CliRunner();
    assertThat(help.run("rules", "purge-snoozes", "--help")).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--grace")
        .contains("default: 1d")
        .contains("event time");
  }
}
