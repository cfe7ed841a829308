package io.streamsentinel.codec;

import static io.streamsentinel.codec.WireEvent.guideExample;
import static io.streamsentinel.codec.WireEvent.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamsentinel.domain.InvalidTransactionException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text fields are bounded in length and characters, event time in years and around the record's own
 * timestamp: what a user's profile and the downstream stores can hold.
 */
class InputBoundsTest {

  /** The guide example's event time. */
  private static final long EVENT_MS = Instant.parse("2025-08-26T14:30:00Z").toEpochMilli();

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);

  private InvalidTransactionException rejection(WireEvent event, long recordMs) {
    return catchThrowableOfType(
        InvalidTransactionException.class, () -> codec.decode(event.bytes(), recordMs));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "merchant",
        "merchant_category",
        "country",
        "city",
        "device_id",
        "currency",
        "event_type",
        "fraud_pattern",
        "channel"
      })
  void shouldRejectATextFieldLongerThanTheLimitNamingIt(String field) {
    InvalidTransactionException e =
        rejection(guideExample().with(field, str("m".repeat(60_000))), EVENT_MS);

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo("longer than 128 characters (60000)");
  }

  @Test
  void shouldAcceptATextFieldAtTheLimitAndApplyAConfiguredOne() {
    String name = "m".repeat(TransactionLimits.DEFAULT_MAX_TEXT_CHARS);
    assertThat(codec.decode(guideExample().with("merchant", str(name)).bytes()).merchant())
        .isEqualTo(name);

    TransactionCodec strict = new TransactionCodec(TransactionLimits.DEFAULTS.withMaxTextChars(20));
    InvalidTransactionException e =
        catchThrowableOfType(
            InvalidTransactionException.class,
            () ->
                strict.decode(
                    guideExample()
                        .with("city", str("Llanfairpwllgwyngyll-gogerychwyrndrobwll"))
                        .bytes()));
    assertThat(e.field()).isEqualTo("city");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "merchant | '\"Ama\\u0000zon\"' | contains control character U+0000 at index 3",
        "city | '\"a\\tb\"' | contains control character U+0009 at index 1",
        "merchant | '\"x\\ud800\"' | contains an unpaired surrogate at index 1",
        "device_id | '\"\\udc00x\"' | contains an unpaired surrogate at index 0",
        "user_id | '\"u\\u0000\"' | contains control character U+0000 at index 1",
        "transaction_id | '\"\\ud83dx\"' | contains an unpaired surrogate at index 0"
      })
  void shouldRejectControlCharactersAndUnpairedSurrogates(
      String field, String rawJson, String problem) {
    InvalidTransactionException e = rejection(guideExample().with(field, rawJson), EVENT_MS);

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo(problem);
  }

  @Test
  void shouldKeepAPairedSurrogate() {
    String json = "\"caf\\u00e9 \\ud83c\\udf70\"";
    assertThat(codec.decode(guideExample().with("merchant", json).bytes()).merchant())
        .isEqualTo("café \uD83C\uDF70");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"+10000-01-01T00:00:00Z\"",
        "\"-0001-12-31T23:59:59Z\"",
        "9223372036854775807",
        "-9223372036854775808",
        "253402300800000"
      })
  void shouldRejectAnEventTimeOutsideTheYears0000To9999(String rawJson) {
    InvalidTransactionException e =
        catchThrowableOfType(
            InvalidTransactionException.class,
            () -> codec.decode(guideExample().with("timestamp", rawJson).bytes()));

    assertThat(e.field()).isEqualTo("timestamp");
    assertThat(e.problem()).endsWith("is outside the years 0000-9999");
  }

  @Test
  void shouldAcceptAnEventTimeWithinTheWindowAroundTheRecordTimestamp() {
    long threeYearsLater = EVENT_MS + Duration.ofDays(1_095).toMillis();
    long halfADayEarlier = EVENT_MS - Duration.ofDays(1_095).toMillis();

    assertThat(codec.decode(guideExample().bytes(), threeYearsLater).timestamp().toEpochMilli())
        .isEqualTo(EVENT_MS);
    assertThat(codec.decode(guideExample().bytes(), halfADayEarlier).timestamp().toEpochMilli())
        .isEqualTo(EVENT_MS);
    assertThat(codec.decode(guideExample().bytes(), -1).timestamp().toEpochMilli())
        .isEqualTo(EVENT_MS);
  }

  @Test
  void shouldRejectAnEventTimeTooFarBeforeTheRecordTimestamp() {
    long recordMs = EVENT_MS + Duration.ofDays(1_097).toMillis();

    InvalidTransactionException e = rejection(guideExample(), recordMs);

    assertThat(e.field()).isEqualTo("timestamp");
    assertThat(e.problem())
        .isEqualTo(
            "2025-08-26T14:30:00Z is more than 1096 days before the record timestamp "
                + Instant.ofEpochMilli(recordMs));
  }

  @Test
  void shouldRejectAnEventTimeTooFarAfterTheRecordTimestamp() {
    long recordMs = EVENT_MS - Duration.ofDays(1_097).toMillis();

    InvalidTransactionException e = rejection(guideExample(), recordMs);

    assertThat(e.field()).isEqualTo("timestamp");
    assertThat(e.problem())
        .startsWith("2025-08-26T14:30:00Z is more than 1096 days after the record");
  }

  @Test
  void shouldApplyAConfiguredWindow() {
    TransactionCodec narrow =
        new TransactionCodec(
            TransactionLimits.DEFAULTS
                .withMaxEventAge(Duration.ofDays(7))
                .withMaxEventLead(Duration.ZERO));
    long eightDaysLater = EVENT_MS + Duration.ofDays(8).toMillis();

    assertThat(
            catchThrowableOfType(
                    InvalidTransactionException.class,
                    () -> narrow.decode(guideExample().bytes(), eightDaysLater))
                .field())
        .isEqualTo("timestamp");
    assertThat(
            catchThrowableOfType(
                    InvalidTransactionException.class,
                    () -> narrow.decode(guideExample().bytes(), EVENT_MS - 1))
                .field())
        .isEqualTo("timestamp");
    assertThat(narrow.decode(guideExample().bytes(), EVENT_MS).timestamp().toEpochMilli())
        .isEqualTo(EVENT_MS);
  }
}
