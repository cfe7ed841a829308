package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.domain.InvalidTransactionException;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.generator.World;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The reader of the canonical form against Jackson's reader ({@link TransactionCodec#parse}): what
 * it accepts, Jackson's reader accepts as an equal transaction, for every input tried. And it
 * accepts what our own writers send, or it would save nothing.
 */
class CanonicalTransactionReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final TransactionCodec CODEC = new TransactionCodec(TransactionLimits.DEFAULTS);

  /** Narrow limits, so that text, amounts and ids meet their bounds. */
  private static final TransactionCodec NARROW =
      new TransactionCodec(
          TransactionLimits.DEFAULTS.withMaxTextChars(6).withMaxAmount(new BigDecimal("40.00")));

  /**
   * Whether the canonical reader accepted the bytes; when it did, Jackson's reader gives the same
   * transaction.
   */
  private static boolean agrees(TransactionCodec codec, byte[] bytes) {
    Transaction canonical = CanonicalTransactionReader.read(bytes, codec.limits());
    if (canonical == null) {
      return false;
    }
    Optional<Transaction> parsed =
        Decoding.accepted(InvalidTransactionException.class, () -> codec.parse(bytes));
    assertThat(parsed)
        .as("read by Jackson: %s", new String(bytes, StandardCharsets.UTF_8))
        .contains(canonical);
    return true;
  }

  @Test
  void shouldReadEveryGeneratedTransactionOfEveryWorldAsJacksonDoes() {
    for (World world : World.values()) {
      TransactionSimulator simulator =
          new TransactionSimulator(
              new GeneratorSettings(3, 500, 0.05, Instant.parse("2026-11-20T00:00:00Z"))
                  .withWorld(world));
      for (int i = 0; i < 5_000; i++) {
        byte[] bytes = CODEC.encode(simulator.next());
        assertThat(agrees(CODEC, bytes))
            .as("%s: %s", world, new String(bytes, StandardCharsets.UTF_8))
            .isTrue();
        agrees(NARROW, bytes);
      }
    }
  }

  @Test
  void shouldReadEveryOptionalPartAndEveryFieldLeftOut() {
    Transaction escaped = TransactionCodecTest.everyField();
    // Text with escapes is left to Jackson's reader.
    assertThat(agrees(CODEC, CODEC.encode(escaped))).isFalse();
    assertThat(CODEC.decode(CODEC.encode(escaped))).isEqualTo(escaped);
    Transaction full = escaped.toBuilder().merchant("Café Zum Löwen").build();
    assertThat(agrees(CODEC, CODEC.encode(full))).isTrue();
    Transaction fewest =
        Transaction.builder()
            .transactionId("t")
            .userId("u")
            .amount(new BigDecimal("0.01"))
            .timestamp(Instant.parse("0000-01-01T00:00:00Z"))
            .build();
    assertThat(agrees(CODEC, CODEC.encode(fewest))).isTrue();
    assertThat(agrees(CODEC, CODEC.encode(full.toBuilder().isFraud(false).build()))).isTrue();
  }

  @Test
  void shouldReadNumbersAsJacksonDoesOrDecline() {
    // Read when the value is a longitude, whatever the form of the number.
    for (String number :
        List.of(
            "0",
            "-0",
            "0.0",
            "-0.0",
            "-0e0",
            "1",
            "-1",
            "0.1",
            "0.30000000000000004",
            "90",
            "-90",
            "12.5",
            "180",
            "-179.99999",
            "180.0000000000001",
            "90.07199254740991",
            "90.07199254740992",
            "0.9007199254740993",
            "9007199254740.991",
            "89.999999999999999",
            "0.00000000000000001",
            "0.0000000000000000001",
            "45.000",
            "123456789012345678",
            "1e2",
            "1E2",
            "1.5e-3",
            "1.0E-4",
            "2E+2",
            "17.9e1",
            "14.606288166727413",
            "-120.97014642103147",
            "4.9E-324",
            "1e-400",
            "1e400")) {
      boolean longitude = new BigDecimal(number).abs().compareTo(BigDecimal.valueOf(180)) <= 0;
      assertThat(agrees(CODEC, withField("longitude", number))).as(number).isEqualTo(longitude);
    }
    for (String number :
        List.of(
            "01",
            "-01",
            "00.5",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "1.e5",
            "1234567890123456789",
            "NaN",
            "1.5x",
            "\"1.5\"",
            "null",
            "1 ",
            "true",
            "- 1",
            "0x10",
            "1_000")) {
      assertThat(CanonicalTransactionReader.read(withField("latitude", number), CODEC.limits()))
          .as(number)
          .isNull();
    }
    Random random = new Random(11);
    int read = 0;
    for (int i = 0; i < 20_000; i++) {
      double degrees = (random.nextDouble() * 2 - 1) * (i % 2 == 0 ? 90 : 1e-3);
      agrees(CODEC, withField("latitude", Double.toString(degrees)));
      String rounded = new BigDecimal(degrees).setScale(i % 17, RoundingMode.HALF_EVEN).toString();
      if (agrees(CODEC, withField("latitude", rounded))) {
        read++;
      }
    }
    assertThat(read).isGreaterThan(15_000);
  }

  @Test
  void shouldReadAmountsWithTheirScaleAsJacksonDoesOrDecline() {
    for (String amount :
        List.of("0.01", "1", "250.00", "1000000.00", "999999.999999999999", "12.3400")) {
      assertThat(agrees(CODEC, withField("amount", amount))).as(amount).isTrue();
    }
    for (String amount :
        List.of(
            "0",
            "0.00",
            "-5.00",
            "1000000.01",
            "\"250.00\"",
            "2.5e2",
            "1e-999999999",
            "1.0000000000000000001")) {
      assertThat(agrees(CODEC, withField("amount", amount))).as(amount).isFalse();
    }
    assertThat(agrees(NARROW, withField("amount", "40.01"))).isFalse();
    assertThat(agrees(NARROW, withField("amount", "40.00"))).isTrue();
  }

  /** Every char from U+0000 to U+10FFFF in a merchant name. */
  @Test
  void shouldReadEveryCodePointAsJacksonDoesOrDecline() {
    int read = 0;
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (Character.isSurrogate((char) codePoint) && codePoint <= 0xffff) {
        continue; // no UTF-8 form; byte sequences for them are tried below
      }
      String text = "m" + new String(Character.toChars(codePoint));
      if (agrees(CODEC, withField("merchant", quoted(text)))) {
        read++;
      }
    }
    // All but the 2,048 surrogates (skipped), the 32 C0 controls, the quote and the backslash
    // (which JSON escapes) and DEL (which the codec refuses).
    assertThat(read).isEqualTo(Character.MAX_CODE_POINT + 1 - 2_048 - 32 - 1 - 2);
  }

  /**
   * Every one- and two-byte string; three- and four-byte ones with every lead from 0xE0 up, every
   * continuation byte second, and a third byte of every seventh value.
   */
  @Test
  void shouldReadEveryShortByteSequenceAsJacksonDoesOrDecline() {
    for (int a = 0; a < 256; a++) {
      agreesOnBytes(a);
      for (int b = 0; b < 256; b++) {
        agreesOnBytes(a, b);
      }
    }
    for (int a = 0xe0; a < 256; a++) {
      for (int b = 0x80; b < 0xc0; b++) {
        for (int c = 0; c < 256; c += 7) {
          agreesOnBytes(a, b, c);
          agreesOnBytes(a, b, c, 0x80);
          agreesOnBytes(a, b, 0x80, c);
        }
      }
    }
  }

  @Test
  void shouldDeclineLongNumbersAndTextForJacksonsReaderToBound() {
    String zeros = "0".repeat(1_000);
    // Longer than Jackson's reader allows a number to be: refused by it.
    for (String number : List.of("45." + zeros, "1e" + zeros + "1")) {
      byte[] bytes = withField("latitude", number);
      assertThat(CanonicalTransactionReader.read(bytes, CODEC.limits())).as(number).isNull();
      assertThat(Decoding.accepted(InvalidTransactionException.class, () -> CODEC.decode(bytes)))
          .as(number)
          .isEmpty();
    }
    byte[] padded = withField("latitude", "0.5" + "0".repeat(30));
    assertThat(CanonicalTransactionReader.read(padded, CODEC.limits())).isNull();
    assertThat(CODEC.decode(padded).latitude()).isEqualTo(0.5);
    TransactionCodec wide =
        new TransactionCodec(
            TransactionLimits.DEFAULTS.withMaxTextChars(10_000).withMaxRecordBytes(20_000));
    String merchant = "m".repeat(5_000);
    assertThat(agrees(wide, withField("merchant", quoted(merchant)))).isFalse();
    assertThat(wide.decode(withField("merchant", quoted(merchant))).merchant()).isEqualTo(merchant);
  }

  @Test
  void shouldBoundTextInCharsButIdsOnlyByTheirOwnLimit() {
    // NARROW allows 6 chars of text: an emoji is two.
    assertThat(agrees(NARROW, withField("merchant", quoted("ab😀cd")))).isTrue();
    assertThat(agrees(NARROW, withField("merchant", quoted("ab😀cde")))).isFalse();
    assertThat(agrees(NARROW, withField("transaction_id", quoted("tx_0123456789")))).isTrue();
    assertThat(agrees(CODEC, withField("transaction_id", quoted("t".repeat(129))))).isFalse();
  }

  @Provide
  Arbitrary<Mutations.Mutant> mutants() {
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(5, 50, 0.2, Instant.parse("2026-11-20T00:00:00Z"))
                .withWorld(World.MESA));
    List<byte[]> seeds =
        List.of(
            CODEC.encode(TransactionCodecTest.everyField()),
            CODEC.encode(simulator.next()),
            CODEC.encode(simulator.next()),
            CODEC.encode(simulator.next()));
    return Mutations.ofJson(seeds);
  }

  @Property
  void shouldAcceptOnlyWhatJacksonReadsAlike(@ForAll("mutants") Mutations.Mutant input) {
    boolean read = input.bytes().length > 0 && agrees(CODEC, input.bytes());
    if (input.bytes().length > 0) {
      agrees(NARROW, input.bytes());
    }
    Decoding.countAccepted(read, 5);
  }

  /** A record whose merchant is "m" followed by these bytes. */
  private void agreesOnBytes(int... values) {
    byte[] template = withField("merchant", "\"m@\"");
    int at = new String(template, StandardCharsets.ISO_8859_1).indexOf('@');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(template, 0, at);
    for (int value : values) {
      out.write(value);
    }
    out.write(template, at + 1, template.length - at - 1);
    agrees(CODEC, out.toByteArray());
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A canonical record of the fields every transaction has, with the given field's value (raw JSON)
   * in its place in the order.
   */
  private static byte[] withField(String name, String rawValue) {
    String base =
        "{\"transaction_id\":\"tx_1\",\"user_id\":\"user_1\",\"amount\":12.50,"
            + "\"timestamp\":\"2026-11-20T10:15:30.123Z\"@merchant,\"currency\":\"EUR\"@latitude"
            + "@longitude}";
    String json =
        switch (name) {
          case "amount" -> base.replace("12.50", rawValue);
          case "transaction_id" -> base.replace("\"tx_1\"", rawValue);
          case "merchant", "latitude", "longitude" -> base;
          default -> throw new IllegalArgumentException(name);
        };
    json =
        json.replace("@merchant", name.equals("merchant") ? ",\"merchant\":" + rawValue : "")
            .replace("@latitude", name.equals("latitude") ? ",\"latitude\":" + rawValue : "")
            .replace("@longitude", name.equals("longitude") ? ",\"longitude\":" + rawValue : "");
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
