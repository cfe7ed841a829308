package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader keeps {@code reasons} and {@code features} as the record's own bytes. For what the
 * detector writes that is exactly the text a Jackson generator copying the parsed tokens wrote (the
 * reader's earlier way, kept here as {@link #generatorCopy}); other input keeps its own spelling of
 * the same JSON.
 */
class DecisionDocumentTextTest {

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper TREES = new ObjectMapper();
  private static final int DECISIONS = 4_000;

  @Test
  void shouldKeepTheTextAGeneratorCopyWroteForEveryDecisionTheDetectorWrites() throws IOException {
    int withReasons = 0;
    for (byte[] record : detectorRecords()) {
      DecisionDocument doc = DecisionDocumentReader.read(record);

      assertThat(doc.reasonsJson()).isEqualTo(generatorCopy(record, "reasons"));
      assertThat(doc.featuresJson()).isEqualTo(generatorCopy(record, "features"));
      withReasons += doc.reasonCodes().isEmpty() ? 0 : 1;
    }
    assertThat(withReasons).as("decisions with reasons").isGreaterThan(100);
  }

  @Test
  void shouldKeepTheTextAGeneratorCopyWroteForStringsThatNeedEscapes() throws IOException {
    String awkward = "quote \" backslash \\ tab \t newline \n del \u007f é € 😀 \u2028";
    double[] features = new double[Feature.COUNT];
    features[Feature.HISTORY_COUNT.ordinal()] = 3;
    features[Feature.values()[1].ordinal()] = 1e-7;
    features[Feature.values()[2].ordinal()] = -12345.678901;
    Decision d =
        new Decision(
            "tx_1",
            "user_1",
            Instant.parse("2026-11-25T12:00:00Z"),
            TransactionCodecTest.everyField().amount(),
            0.93,
            Severity.CRITICAL,
            List.of(new Reason("ODD", awkward, 0.5), new Reason("ALSO \"ODD\"", "", 1e-9)),
            FeatureVector.of(features),
            "rules-1",
            null,
            null);

    byte[] record = DecisionCodec.encodeAlert(d, TransactionCodecTest.everyField());
    DecisionDocument doc = DecisionDocumentReader.read(record);

    assertThat(doc.reasonsJson()).isEqualTo(generatorCopy(record, "reasons"));
    assertThat(doc.featuresJson()).isEqualTo(generatorCopy(record, "features"));
    assertThat(doc.reasonCodes()).containsExactly("ODD", "ALSO \"ODD\"");
  }

  @Test
  void shouldRefuseAnEscapedNulThatJsonbCannotStore() {
    byte[] inReasons = handWritten("[{\"code\":\"A\",\"detail\":\"a\\u0000b\"}]", "{}");
    byte[] inFeatures = handWritten("[]", "{\"x\\u0000\":1}");
    byte[] escapedBackslash = handWritten("[{\"code\":\"A\",\"detail\":\"a\\\\u0000\"}]", "{}");

    assertThatThrownBy(() -> DecisionDocumentReader.read(inReasons))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reasons: contains a NUL character (\\u0000)");
    assertThatThrownBy(() -> DecisionDocumentReader.read(inFeatures))
        .hasMessage("features: contains a NUL character (\\u0000)");
    assertThat(DecisionDocumentReader.read(escapedBackslash).reasonsJson()).contains("a\\\\u0000");
  }

  @Test
  void shouldKeepWhitespaceAndSpellingOfInputWrittenByHand() throws IOException {
    String reasons = "[ {\"code\" : \"A\",\n\t\"detail\":\"\\u00e9\\/\", \"contribution\": 1.50} ]";
    String features = "{ \"history_count\" : 1E2,\r\n \"x\": [ 1, {} ] }";
    byte[] record = handWritten(reasons, features);

    DecisionDocument doc = DecisionDocumentReader.read(record);

    assertThat(doc.reasonsJson()).isEqualTo(reasons);
    assertThat(doc.featuresJson()).isEqualTo(features);
    assertThat(doc.reasonCodes()).containsExactly("A");
    // The same JSON as the generator's compact copy, which is what JSONB stores either way.
    assertThat(TREES.readTree(doc.reasonsJson()))
        .isEqualTo(TREES.readTree(generatorCopy(record, "reasons")));
    assertThat(TREES.readTree(doc.featuresJson()))
        .isEqualTo(TREES.readTree(generatorCopy(record, "features")));
  }

  @Test
  void shouldCopyTextWithAnEscapedSurrogatePairThroughAGenerator() throws IOException {
    String reasons = "[ {\"code\":\"A\", \"detail\":\"\\uD83D\\ude00 \\\\uD83D\"} ]";
    byte[] record = handWritten(reasons, "{ }");

    DecisionDocument doc = DecisionDocumentReader.read(record);

    assertThat(doc.reasonsJson()).isEqualTo("[{\"code\":\"A\",\"detail\":\"😀 \\\\uD83D\"}]");
    assertThat(doc.reasonsJson()).isEqualTo(generatorCopy(record, "reasons"));
    assertThat(doc.featuresJson()).isEqualTo("{ }");
  }

  @Test
  void shouldReadUtf8AfterAByteOrderMark() throws IOException {
    byte[] plain = handWritten("[{\"code\":\"Ü\"}]", "{\"a\":\"ß\"}");
    byte[] marked = new byte[plain.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, marked, 3, plain.length);

    DecisionDocument doc = DecisionDocumentReader.read(marked);

    assertThat(doc.reasonsJson()).isEqualTo("[{\"code\":\"Ü\"}]");
    assertThat(doc.featuresJson()).isEqualTo("{\"a\":\"ß\"}");
  }

  @Test
  void shouldRejectJsonThatIsNotUtf8() {
    byte[] utf16 =
        new String(handWritten("[]", "{}"), StandardCharsets.UTF_8)
            .getBytes(StandardCharsets.UTF_16BE);

    assertThatThrownBy(() -> DecisionDocumentReader.read(utf16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void shouldRejectAReasonsArrayThatIsCutShort() {
    byte[] cut =
        "{\"transaction_id\":\"t\",\"reasons\":[{\"code\":\"A\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DecisionDocumentReader.read(cut))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Decisions and alerts as the detector writes them, for seeded transactions. */
  static List<byte[]> detectorRecords() {
    List<byte[]> records = new ArrayList<>();
    for (DetectorDecisions.Scored s : DetectorDecisions.of(DECISIONS, null)) {
      records.add(DecisionCodec.encodeDecision(s.decision(), s.tx()));
      if (s.decision().isAlert(Decision.DEFAULT_ALERT_THRESHOLD)) {
        records.add(DecisionCodec.encodeAlert(s.decision(), s.tx()));
      }
    }
    return records;
  }

  /** The reader's earlier copy of a top-level field: the parsed tokens through a generator. */
  static String generatorCopy(byte[] record, String field) throws IOException {
    try (JsonParser p = JSON.createParser(record)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(field)) {
          StringWriter text = new StringWriter();
          try (JsonGenerator g = JSON.createGenerator(text)) {
            g.copyCurrentStructure(p);
          }
          return text.toString();
        }
        p.skipChildren();
      }
    }
    throw new IllegalArgumentException(field + " not in the record");
  }

  private static byte[] handWritten(String reasons, String features) {
    return ("{\"transaction_id\":\"t\",\"user_id\":\"u\",\"event_time\":\"2026-11-25T12:00:00Z\","
            + "\"amount\":1,\"score\":0.5,\"severity\":\"LOW\",\"reasons\":"
            + reasons
            + ",\"features\":"
            + features
            + ",\"rule_set_version\":\"r\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
