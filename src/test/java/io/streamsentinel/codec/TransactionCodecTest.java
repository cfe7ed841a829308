package io.streamsentinel.codec;

import static io.streamsentinel.codec.WireEvent.GUIDE_EXAMPLE;
import static io.streamsentinel.codec.WireEvent.guideExample;
import static io.streamsentinel.codec.WireEvent.str;
import static io.streamsentinel.codec.WireEvent.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.InvalidTransactionException;
import io.streamsentinel.domain.Transaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the codec accepts and how it writes; rejections are in {@link TransactionRejectionTest}. */
class TransactionCodecTest {

  private static final Instant GUIDE_INSTANT = Instant.parse("2025-08-26T14:30:00Z");

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);

  /** Every field set, with values that are easy to get subtly wrong on the wire. */
  static Transaction everyField() {
    return Transaction.builder()
        .eventType("transaction_created")
        .transactionId("tx_98765")
        .userId("user_042")
        .amount(new BigDecimal("1234.50"))
        .timestamp(Instant.parse("2025-08-26T14:30:00.123456789Z"))
        .merchant("Café \"Zum Löwen\"")
        .currency("EUR")
        .merchantCategory("restaurants")
        .country("DE")
        .city("München")
        .latitude(48.137154)
        .longitude(-11.576124)
        .channel(Channel.CARD_PRESENT)
        .deviceId("dev_7f3a")
        .cardLast4("0042")
        .isFraud(true)
        .fraudPattern("velocity_burst")
        .build();
  }

  @Test
  void shouldAcceptTheKafkaGuideMinimalEventVerbatim() {
    Transaction tx = codec.decode(utf8(GUIDE_EXAMPLE));

    assertThat(tx.eventType()).isEqualTo("transaction_created");
    assertThat(tx.transactionId()).isEqualTo("tx_12345");
    assertThat(tx.userId()).isEqualTo("user_001");
    assertThat(tx.amount()).isEqualTo(new BigDecimal("250.00"));
    assertThat(tx.timestamp()).isEqualTo(GUIDE_INSTANT);
    assertThat(tx.merchant()).isEqualTo("Amazon");
    assertThat(tx.isFraud()).isFalse();
    assertThat(tx)
        .extracting(
            Transaction::currency,
            Transaction::merchantCategory,
            Transaction::country,
            Transaction::city,
            Transaction::latitude,
            Transaction::longitude,
            Transaction::channel,
            Transaction::deviceId,
            Transaction::cardLast4,
            Transaction::fraudPattern)
        .containsOnlyNulls();
  }

  @Test
  void shouldWriteTheGuideEventBackByteForByte() {
    byte[] written = codec.encode(codec.decode(utf8(GUIDE_EXAMPLE)));

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(GUIDE_EXAMPLE);
  }

  @Test
  void shouldRoundTripEveryField() {
    Transaction original = everyField();

    assertThat(codec.decode(codec.encode(original))).isEqualTo(original);
  }

  @Test
  void shouldWriteTheSameBytesAfterADecodeEncodeCycle() {
    byte[] first = codec.encode(everyField());

    assertThat(codec.encode(codec.decode(first))).isEqualTo(first);
  }

  @Test
  void shouldWriteSnakeCaseNamesAndTheChannelWireName() {
    String json = new String(codec.encode(everyField()), StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"merchant_category\":\"restaurants\"", "\"card_last4\":\"0042\"")
        .contains("\"channel\":\"card_present\"", "\"is_fraud\":true")
        .contains("\"amount\":1234.50", "\"timestamp\":\"2025-08-26T14:30:00.123456789Z\"");
  }

  @Test
  void shouldLeaveOutFieldsThatAreNull() {
    Transaction minimal =
        Transaction.builder()
            .transactionId("tx_1")
            .userId("user_1")
            .amount(BigDecimal.ONE)
            .timestamp(GUIDE_INSTANT)
            .build();

    assertThat(new String(codec.encode(minimal), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"event_type\":\"transaction_created\",\"transaction_id\":\"tx_1\","
                + "\"user_id\":\"user_1\",\"amount\":1,\"timestamp\":\"2025-08-26T14:30:00Z\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"250.00", "0.01", "2E+3", "999999.999"})
  void shouldKeepTheAmountExactlyAsWritten(String amount) {
    Transaction tx = codec.decode(guideExample().with("amount", amount).bytes());

    assertThat(tx.amount()).isEqualTo(new BigDecimal(amount));
    assertThat(new String(codec.encode(tx), StandardCharsets.UTF_8))
        .contains("\"amount\":" + amount + ",");
  }

  @ParameterizedTest
  @ValueSource(strings = {"250.00", "0.5", "7"})
  void shouldAcceptAnAmountQuotedAsAPlainDecimal(String amount) {
    Transaction tx = codec.decode(guideExample().with("amount", str(amount)).bytes());

    assertThat(tx.amount()).isEqualTo(new BigDecimal(amount));
  }

  @ParameterizedTest
  @CsvSource({
    "'\"2025-08-26T14:30:00Z\"', 2025-08-26T14:30:00Z",
    "'\"2025-08-26T14:30:00.250Z\"', 2025-08-26T14:30:00.250Z",
    "'\"2025-08-26T16:30:00+02:00\"', 2025-08-26T14:30:00Z",
    "'\"2025-08-26T09:30:00-05:00\"', 2025-08-26T14:30:00Z",
    "1756218600000, 2025-08-26T14:30:00Z"
  })
  void shouldReadEveryAcceptedTimestampFormAsAnInstant(String rawJson, Instant expected) {
    Transaction tx = codec.decode(guideExample().with("timestamp", rawJson).bytes());

    assertThat(tx.timestamp()).isEqualTo(expected);
  }

  @Test
  void shouldAcceptIntegerIdsAsTheirText() {
    Transaction tx =
        codec.decode(guideExample().with("transaction_id", "12345").with("user_id", "-7").bytes());

    assertThat(tx.transactionId()).isEqualTo("12345");
    assertThat(tx.userId()).isEqualTo("-7");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "\"text\"",
        "null",
        "{\"nested\":{\"deeper\":[1,2,{\"amount\":-1}]}}",
        "[\"a\",{\"user_id\":\"other\"},[[]]]"
      })
  void shouldIgnoreUnknownFieldsWhateverTheirValue(String rawJson) {
    byte[] withUnknown =
        guideExample().with("source_system", rawJson).with("merchant", str("Amazon")).bytes();

    assertThat(codec.decode(withUnknown)).isEqualTo(codec.decode(utf8(GUIDE_EXAMPLE)));
  }

  /**
   * The reader expects each field where the encoder writes it, and reads a name there by comparing
   * its bytes; the same fields in another order, an escaped name, and names after the last field
   * the encoder writes read the same as the encoder's own order.
   */
  @Test
  void shouldReadTheFieldsInAnyOrder() throws IOException {
    byte[] written = codec.encode(everyField());
    Transaction expected = codec.decode(written);
    ObjectMapper mapper =
        new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    ObjectNode inOrder = (ObjectNode) mapper.readTree(written);
    List<String> names = new ArrayList<>();
    inOrder.fieldNames().forEachRemaining(names::add);
    List<String> reversed = new ArrayList<>(names);
    Collections.reverse(reversed);
    // The first field last: every other one is then read in order, one after the lookup.
    List<String> rotated = new ArrayList<>(names.subList(1, names.size()));
    rotated.add(names.get(0));
    // Two neighbours swapped: out of order, then back in order.
    List<String> swapped = new ArrayList<>(names);
    Collections.swap(swapped, 5, 6);
    String json = new String(written, StandardCharsets.UTF_8);

    assertThat(names).hasSize(WireField.values().length).endsWith("fraud_pattern");
    for (List<String> order : List.of(reversed, rotated, swapped)) {
      ObjectNode reordered = mapper.createObjectNode();
      order.forEach(name -> reordered.set(name, inOrder.get(name)));
      assertThat(codec.decode(mapper.writeValueAsBytes(reordered)))
          .as("%s", order)
          .isEqualTo(expected);
    }
    assertThat(codec.decode(utf8(edited(json, "\"city\"", "\"\\u0063ity\"")))).isEqualTo(expected);
    assertThat(codec.decode(utf8(edited(json, "}$", ",\"note\":[1,{\"city\":2}]}"))))
        .isEqualTo(expected);
    // A name seen before: after the last field, out of order, and just where it is expected next.
    assertThat(rejected(edited(json, "}$", ",\"event_type\":null}")).field())
        .isEqualTo("event_type");
    assertThat(rejected(edited(json, ",\"amount\"", ",\"user_id\":null,\"amount\"")).field())
        .isEqualTo("user_id");
    String idTwiceInOrder =
        edited(
            json,
            "^\\{\"event_type\":\"transaction_created\",\"transaction_id\":\"tx_98765\",",
            "{\"transaction_id\":\"tx_98765\",\"event_type\":\"transaction_created\","
                + "\"transaction_id\":null,");
    assertThat(rejected(idTwiceInOrder).field()).isEqualTo("transaction_id");
  }

  /** The JSON with the first match of {@code regex} replaced by the text; fails on no match. */
  private static String edited(String json, String regex, String replacement) {
    String edited = json.replaceFirst(regex, Matcher.quoteReplacement(replacement));
    assertThat(edited).as("an edit of %s", json).isNotEqualTo(json);
    return edited;
  }

  private InvalidTransactionException rejected(String json) {
    return catchThrowableOfType(InvalidTransactionException.class, () -> codec.decode(utf8(json)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"event_type", "merchant", "channel", "latitude", "is_fraud", "card_last4"})
  void shouldTreatJsonNullInAnOptionalFieldAsAbsent(String field) {
    Transaction tx = codec.decode(guideExample().with(field, "null").bytes());

    assertThat(codec.encode(tx))
        .isEqualTo(codec.encode(codec.decode(guideExample().without(field).bytes())));
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void shouldReadEveryChannelByItsWireName(Channel channel) {
    Transaction tx = codec.decode(guideExample().with("channel", str(channel.wireName())).bytes());

    assertThat(tx.channel()).isEqualTo(channel);
  }

  @Test
  void shouldAcceptAnAmountExactlyAtTheBound() {
    Transaction tx = codec.decode(guideExample().with("amount", "1000000.00").bytes());

    assertThat(tx.amount()).isEqualTo(TransactionLimits.DEFAULT_MAX_AMOUNT);
  }
}
