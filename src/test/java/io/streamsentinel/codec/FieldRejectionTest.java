package io.streamsentinel.codec;

import static io.streamsentinel.codec.WireEvent.guideExample;
import static io.streamsentinel.codec.WireEvent.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamsentinel.domain.InvalidTransactionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fields of the wrong shape, unknown enum values, duplicates, and what a message may echo. */
class FieldRejectionTest {

  private static final String CARD_NUMBER = "4111111111111111";

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);

  private InvalidTransactionException rejection(WireEvent event) {
    return catchThrowableOfType(
        InvalidTransactionException.class, () -> codec.decode(event.bytes()));
  }

  @ParameterizedTest
  @CsvSource({
    "merchant, 42, expected a string but was a number",
    "currency, true, expected a string but was a boolean",
    "city, '{}', expected a string but was an object",
    "event_type, '[]', expected a string but was an array",
    "card_last4, 1234, expected a string but was a number",
    "user_id, 1.5, expected a string or an integer but was a number",
    "transaction_id, false, expected a string or an integer but was a boolean",
    "latitude, '\"48.1\"', expected a number but was a string",
    "is_fraud, '\"false\"', expected a boolean but was a string",
    "channel, 1, expected a string but was a number"
  })
  void shouldNameAFieldOfTheWrongType(String field, String rawJson, String problem) {
    InvalidTransactionException e = rejection(guideExample().with(field, rawJson));

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo(problem);
  }

  @Test
  void shouldRejectAnUnknownChannel() {
    InvalidTransactionException e = rejection(guideExample().with("channel", str("telepathy")));

    assertThat(e.field()).isEqualTo("channel");
    assertThat(e.problem()).contains("unknown value 'telepathy'", "online, card_present or atm");
  }

  @Test
  void shouldRejectALatitudeOutOfRange() {
    InvalidTransactionException e = rejection(guideExample().with("latitude", "91.5"));

    assertThat(e.field()).isEqualTo("latitude");
    assertThat(e.problem()).contains("[-90, 90]");
  }

  @Test
  void shouldRejectAFullCardNumberWithoutEchoingIt() {
    InvalidTransactionException e = rejection(guideExample().with("card_last4", str(CARD_NUMBER)));

    assertThat(e.field()).isEqualTo("card_last4");
    assertThat(e.problem()).contains("4 digits");
    assertThat(e.getMessage()).doesNotContain(CARD_NUMBER).doesNotContain("1111");
  }

  @ParameterizedTest
  @CsvSource({
    "channel, unknown value",
    "timestamp, cannot parse",
    "amount, exceeds the sanity bound"
  })
  void shouldMaskACardNumberSentInAnEchoedField(String field, String problem) {
    InvalidTransactionException e = rejection(guideExample().with(field, str(CARD_NUMBER)));

    assertThat(e.problem()).contains(problem).contains("################");
    assertThat(e.getMessage()).doesNotContain("1111");
  }

  @Test
  void shouldMaskACardNumberInJacksonsReason() {
    byte[] json = WireEvent.utf8("{\"card_last4\":x" + CARD_NUMBER + "}");

    InvalidTransactionException e =
        catchThrowableOfType(InvalidTransactionException.class, () -> codec.decode(json));

    assertThat(e.problem()).startsWith("not valid JSON").doesNotContain("1111");
  }

  @Test
  void shouldTruncateALongEchoedValue() {
    InvalidTransactionException e = rejection(guideExample().with("channel", str("x".repeat(120))));

    assertThat(e.problem()).contains("'" + "x".repeat(40) + "...'").hasSizeLessThan(120);
  }

  @Test
  void shouldNotLetAnEchoedValueBreakTheLine() {
    InvalidTransactionException e =
        rejection(guideExample().with("timestamp", str("2025\\nFAKE LOG LINE")));

    assertThat(e.problem()).doesNotContain("\n").contains("'2025?FAKE LOG LINE'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"transaction_id", "amount", "merchant", "is_fraud"})
  void shouldNameAKnownFieldThatAppearsTwice(String field) {
    String twice = guideExample().json().replaceFirst("\\{", "{\"" + field + "\":null,");

    InvalidTransactionException e =
        catchThrowableOfType(
            InvalidTransactionException.class, () -> codec.decode(WireEvent.utf8(twice)));

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo("appears more than once");
  }

  @Test
  void shouldAllowAnUnknownFieldToAppearTwice() {
    String twice = guideExample().json().replaceFirst("\\{", "{\"note\":1,\"note\":2,");

    assertThat(codec.decode(WireEvent.utf8(twice)).transactionId()).isEqualTo("tx_12345");
  }
}
