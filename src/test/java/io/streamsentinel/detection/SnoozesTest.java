package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.TUESDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which transactions a snooze covers: its user, its card if it names one, event time before until.
 */
class SnoozesTest {

  private static final String OTHER_USER = "user_002";

  private static Snooze snooze(String rule, String user, String card, Instant until) {
    return new Snooze(rule, user, card, until, "customer travelling", "ops-anna", MONDAY_NOON);
  }

  private static Transaction tx(String user, String card, Instant time) {
    return Tx.at(time).userId(user).cardLast4(card).build();
  }

  @Test
  void aUserSnoozeShouldCoverEveryCardOfTheUserAndNoOtherUser() {
    Snoozes snoozes = Snoozes.of(List.of(snooze("burst", Tx.USER, null, TUESDAY_NOON)));

    assertThat(snoozes.silencedFor(tx(Tx.USER, "1234", MONDAY_NOON))).containsExactly("burst");
    assertThat(snoozes.silencedFor(tx(Tx.USER, "9876", MONDAY_NOON))).containsExactly("burst");
    assertThat(snoozes.silencedFor(tx(Tx.USER, null, MONDAY_NOON))).containsExactly("burst");
    assertThat(snoozes.silencedFor(tx(OTHER_USER, "1234", MONDAY_NOON))).isEmpty();
  }

  @Test
  void aCardSnoozeShouldCoverOnlyThatCardOfThatUser() {
    Snoozes snoozes = Snoozes.of(List.of(snooze("burst", Tx.USER, "1234", TUESDAY_NOON)));

    assertThat(snoozes.silencedFor(tx(Tx.USER, "1234", MONDAY_NOON))).containsExactly("burst");
    assertThat(snoozes.silencedFor(tx(Tx.USER, "9876", MONDAY_NOON))).isEmpty();
    assertThat(snoozes.silencedFor(tx(Tx.USER, null, MONDAY_NOON)))
        .as("a transaction that names no card is not known to be that card's")
        .isEmpty();
    assertThat(snoozes.silencedFor(tx(OTHER_USER, "1234", MONDAY_NOON)))
        .as("a card is known by its user and last four digits")
        .isEmpty();
  }

  @Test
  void aSnoozeShouldEndAtUntilInEventTime() {
    Snoozes snoozes = Snoozes.of(List.of(snooze("burst", Tx.USER, null, TUESDAY_NOON)));

    assertThat(snoozes.silencedFor(tx(Tx.USER, null, TUESDAY_NOON.minusMillis(1))))
        .containsExactly("burst");
    assertThat(snoozes.silencedFor(tx(Tx.USER, null, TUESDAY_NOON))).isEmpty();
    assertThat(snoozes.silencedFor(tx(Tx.USER, null, TUESDAY_NOON.plus(Duration.ofDays(1)))))
        .isEmpty();
    assertThat(snoozes.activeAt(MONDAY_NOON)).isEqualTo(1);
    assertThat(snoozes.activeAt(TUESDAY_NOON)).isZero();
  }

  @Test
  void theRulesSnoozedShouldBeSortedAndEachNamedOnce() {
    Snoozes snoozes =
        Snoozes.of(
            List.of(
                snooze("night", Tx.USER, null, TUESDAY_NOON),
                snooze("burst", Tx.USER, "1234", TUESDAY_NOON),
                snooze("burst", Tx.USER, null, TUESDAY_NOON),
                snooze("far", Tx.USER, null, MONDAY_NOON.minusSeconds(1)),
                snooze("abroad", OTHER_USER, null, TUESDAY_NOON)));

    assertThat(snoozes.silencedFor(tx(Tx.USER, "1234", MONDAY_NOON)))
        .containsExactly("burst", "night");
    assertThat(snoozes.all()).hasSize(5);
  }

  @Test
  void noSnoozeShouldSilenceNothing() {
    assertThat(Snoozes.NONE.isEmpty()).isTrue();
    assertThat(Snoozes.of(List.of())).isSameAs(Snoozes.NONE);
    assertThat(Snoozes.NONE.silencedFor(tx(Tx.USER, "1234", MONDAY_NOON))).isEmpty();
  }

  @Test
  void theKeyShouldNameRuleUserAndCard() {
    assertThat(snooze("burst", "u7", null, TUESDAY_NOON).key()).isEqualTo("burst|user:u7");
    assertThat(snooze("burst", "u7", "0042", TUESDAY_NOON).key())
        .isEqualTo("burst|user:u7|card:0042");
  }

  @Test
  void aNewSnoozeShouldEndInTheFutureAndAtMostNinetyDaysAhead() {
    Snooze ok = Snooze.request("burst", "u7", null, TUESDAY_NOON, "travel", "anna", MONDAY_NOON);
    assertThat(ok.createdAt()).isEqualTo(MONDAY_NOON);

    assertThatThrownBy(
            () -> Snooze.request("burst", "u7", null, MONDAY_NOON, "travel", "anna", MONDAY_NOON))
        .hasMessageContaining("until " + MONDAY_NOON)
        .hasMessageContaining("not in the future");
    Instant tooLate = MONDAY_NOON.plus(Duration.ofDays(91));
    assertThatThrownBy(
            () -> Snooze.request("burst", "u7", null, tooLate, "travel", "anna", MONDAY_NOON))
        .hasMessageContaining("until " + tooLate)
        .hasMessageContaining("90 days");
    assertThat(
            Snooze.request(
                    "burst",
                    "u7",
                    null,
                    MONDAY_NOON.plus(Duration.ofDays(90)),
                    "travel",
                    "anna",
                    MONDAY_NOON)
                .until())
        .isEqualTo(MONDAY_NOON.plus(Duration.ofDays(90)));
  }

  @Test
  void badInputsShouldBeRefusedNamingThem() {
    assertThatThrownBy(() -> snooze("burst", "u7", "4111111111111111", TUESDAY_NOON))
        .hasMessageContaining("card")
        .hasMessageContaining("value withheld")
        .hasMessageNotContaining("4111");
    assertThatThrownBy(() -> snooze("burst", "u7", "12a4", TUESDAY_NOON))
        .hasMessageContaining("card must be the last 4 digits");
    assertThatThrownBy(() -> snooze("burst", "u|7", null, TUESDAY_NOON))
        .hasMessageContaining("user 'u|7'")
        .hasMessageContaining("'|'");
    assertThatThrownBy(() -> snooze("a|b", "u7", null, TUESDAY_NOON))
        .hasMessageContaining("rule 'a|b'");
    assertThatThrownBy(() -> snooze(" ", "u7", null, TUESDAY_NOON))
        .hasMessageContaining("rule is missing");
    assertThatThrownBy(() -> snooze("burst", "", null, TUESDAY_NOON))
        .hasMessageContaining("user is missing");
    assertThatThrownBy(
            () -> new Snooze("burst", "u7", null, TUESDAY_NOON, " ", "anna", MONDAY_NOON))
        .hasMessageContaining("reason is missing");
    assertThatThrownBy(
            () -> new Snooze("burst", "u7", null, TUESDAY_NOON, "x\u001b[2J", "anna", MONDAY_NOON))
        .hasMessageContaining("reason contains a control character");
    assertThatThrownBy(
            () ->
                new Snooze("burst", "u7", null, TUESDAY_NOON, "x".repeat(501), "anna", MONDAY_NOON))
        .hasMessageContaining("reason is 501 chars long; at most 500");
    assertThatThrownBy(() -> new Snooze("burst", "u7", null, TUESDAY_NOON, "r", null, MONDAY_NOON))
        .hasMessageContaining("operator is missing");
  }

  @Test
  void aCardNumberInTheReasonShouldBeRefusedWithoutEchoingIt() {
    for (String reason :
        new String[] {
          "customer confirmed card 4111 1111 1111 1111",
          "card 4111-1111-1111-1111 abroad",
          "pan 4111111111111"
        }) {
      assertThatThrownBy(
              () -> new Snooze("burst", "u7", null, TUESDAY_NOON, reason, "anna", MONDAY_NOON))
          .as(reason)
          .hasMessageContaining("reason looks like it holds a card number")
          .hasMessageNotContaining("4111");
    }
    assertThat(
            new Snooze(
                    "burst",
                    "u7",
                    "1111",
                    TUESDAY_NOON,
                    "ticket 471123, card ending 1111, 2026-05-01 12:00",
                    "anna",
                    MONDAY_NOON)
                .reason())
        .as("ticket numbers, last four digits and dates pass")
        .contains("471123");
  }
}
