package io.streamsentinel.codec;

import static io.streamsentinel.codec.WireEvent.guideExample;
import static io.streamsentinel.codec.WireEvent.str;
import static io.streamsentinel.codec.WireEvent.utf8;
import static io.streamsentinel.domain.InvalidTransactionException.WHOLE_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamsentinel.domain.InvalidTransactionException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input is rejected with the offending field named and the problem in words. */
class TransactionRejectionTest {

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);

  private InvalidTransactionException rejection(byte[] bytes) {
    return rejection(codec, bytes);
  }

  private static InvalidTransactionException rejection(TransactionCodec codec, byte[] bytes) {
    return catchThrowableOfType(InvalidTransactionException.class, () -> codec.decode(bytes));
  }

  private InvalidTransactionException rejection(WireEvent event) {
    return rejection(event.bytes());
  }

  @ParameterizedTest
  @NullAndEmptySource
  void shouldRejectNullOrEmptyBytesAsAnEmptyRecord(byte[] bytes) {
    InvalidTransactionException e = rejection(bytes);

    assertThat(e.field()).isEqualTo(WHOLE_RECORD);
    assertThat(e.problem()).isEqualTo("empty");
  }

  @Test
  void shouldRejectWhitespaceOnlyAsAnEmptyRecord() {
    assertThat(rejection(utf8("  \n ")).problem()).isEqualTo("empty");
  }

  @Test
  void shouldRejectARecordAboveTheSizeLimitBeforeParsingIt() {
    InvalidTransactionException e = rejection(new byte[65_537]);

    assertThat(e.field()).isEqualTo(WHOLE_RECORD);
    assertThat(e.problem()).isEqualTo("65537 bytes exceeds the limit of 65536 bytes");
  }

  @Test
  void shouldApplyAConfiguredSizeLimit() {
    TransactionCodec strict =
        new TransactionCodec(TransactionLimits.DEFAULTS.withMaxRecordBytes(100));
    byte[] event = guideExample().with("merchant", str("A".repeat(100))).bytes();

    assertThat(rejection(strict, event).problem()).endsWith("exceeds the limit of 100 bytes");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all         | Unrecognized token 'not'",
        "{\"transaction_id\":\"tx | Unexpected end-of-input",
        "{\"amount\":1            | Unexpected end-of-input",
        "{\"amount\":NaN}         | Non-standard token 'NaN'",
        "{\"amount\":1} trailing  | Unrecognized token 'trailing'",
        "{\"amount\":1} {}        | more content after the object",
        "{'amount':1}             | was expecting double-quote",
      })
  void shouldRejectWhatIsNotValidJsonWithAShortReason(String input, String reason) {
    InvalidTransactionException e = rejection(utf8(input));

    assertThat(e.field()).isEqualTo(WHOLE_RECORD);
    assertThat(e.problem()).startsWith("not valid JSON: ").contains(reason);
    assertThat(e.problem()).doesNotContain("Source", "\n").hasSizeLessThan(200);
  }

  @ParameterizedTest
  @CsvSource({"'[{\"amount\":1}]', an array", "'\"tx\"', a string", "42, a number"})
  void shouldRejectATopLevelValueThatIsNotAnObject(String input, String actual) {
    InvalidTransactionException e = rejection(utf8(input));

    assertThat(e.field()).isEqualTo(WHOLE_RECORD);
    assertThat(e.problem()).isEqualTo("expected a JSON object but was " + actual);
  }

  @ParameterizedTest
  @CsvSource({"transaction_id, missing", "user_id, missing", "amount, missing"})
  void shouldNameARequiredFieldThatIsMissing(String field, String problem) {
    InvalidTransactionException e = rejection(guideExample().without(field));

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo(problem);
  }

  @Test
  void shouldRejectABlankUserId() {
    InvalidTransactionException e = rejection(guideExample().with("user_id", str("   ")));

    assertThat(e.field()).isEqualTo("user_id");
    assertThat(e.problem()).contains("blank");
  }

  @Test
  void shouldTreatANullRequiredFieldAsMissing() {
    InvalidTransactionException e = rejection(guideExample().with("transaction_id", "null"));

    assertThat(e.field()).isEqualTo("transaction_id");
    assertThat(e.problem()).isEqualTo("missing");
  }

  @ParameterizedTest
  @CsvSource({
    "'\"abc\"', not a number ('abc')",
    "true, not a number ('true')",
    "'\"1e3\"', not a number ('1e3')",
    "'\"NaN\"', not a number ('NaN')",
    "'\"\"', not a number ('')",
    "'{\"value\":1}', not a number (an object)"
  })
  void shouldRejectAnAmountThatIsNotANumber(String rawJson, String problem) {
    InvalidTransactionException e = rejection(guideExample().with("amount", rawJson));

    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.problem()).isEqualTo(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-5.00", "\"-5.00\""})
  void shouldRejectAnAmountThatIsNotPositive(String rawJson) {
    InvalidTransactionException e = rejection(guideExample().with("amount", rawJson));

    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.problem()).startsWith("must be greater than 0");
  }

  @Test
  void shouldRejectAnAmountAboveTheSanityBound() {
    InvalidTransactionException e = rejection(guideExample().with("amount", "2000000"));

    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.problem()).isEqualTo("2000000 exceeds the sanity bound of 1000000.00");
  }

  @Test
  void shouldApplyAConfiguredAmountBound() {
    TransactionCodec strict =
        new TransactionCodec(TransactionLimits.DEFAULTS.withMaxAmount(new BigDecimal("500.00")));

    assertThat(strict.decode(guideExample().with("amount", "500.00").bytes()).amount())
        .isEqualByComparingTo("500");
    assertThat(rejection(strict, guideExample().with("amount", "500.01").bytes()).problem())
        .isEqualTo("500.01 exceeds the sanity bound of 500.00");
  }

  @ParameterizedTest
  @CsvSource({
    "1e-999999999, more than 18 decimal places ('1E-999999999')",
    "-1e999999999, out of range ('-1E+999999999')"
  })
  void shouldRejectAnAmountWhosePlainFormWouldBeHuge(String rawJson, String problem) {
    InvalidTransactionException e = rejection(guideExample().with("amount", rawJson));

    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.problem()).isEqualTo(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-08-26", "2025-08-26T14:30:00", "26/08/2025 14:30", "yesterday", ""})
  void shouldRejectATimestampItCannotParse(String text) {
    InvalidTransactionException e = rejection(guideExample().with("timestamp", str(text)));

    assertThat(e.field()).isEqualTo("timestamp");
    assertThat(e.problem())
        .startsWith("cannot parse '" + text + "'")
        .contains("expected ISO-8601 like 2025-08-26T14:30:00Z");
  }

  @ParameterizedTest
  @CsvSource({"true, '''true'''", "1756218600.5, '''1756218600.5'''", "'[1,2]', an array"})
  void shouldRejectATimestampOfTheWrongType(String rawJson, String described) {
    InvalidTransactionException e = rejection(guideExample().with("timestamp", rawJson));

    assertThat(e.field()).isEqualTo("timestamp");
    assertThat(e.problem()).startsWith("cannot parse " + described + " (expected ISO-8601");
  }
}
