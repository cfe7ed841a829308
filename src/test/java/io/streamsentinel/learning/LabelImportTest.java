package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.Label;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelImportTest {

  private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static List<ImportLine> read(String text) throws IOException {
    return read(text, Label.IMPORT);
  }

  private static List<ImportLine> read(String text, String source) throws IOException {
    LabelImport in = new LabelImport(new StringReader(text), source, CLOCK);
    List<ImportLine> lines = new ArrayList<>();
    for (ImportLine line = in.next(); line != null; line = in.next()) {
      lines.add(line);
    }
    return lines;
  }

  private static Label good(ImportLine line) {
    assertThat(line).isInstanceOf(ImportLine.Good.class);
    return ((ImportLine.Good) line).label();
  }

  @Test
  void shouldReadCsvWithUserIdAsLabelsOfTheDefaultSourceLabelledNow() throws IOException {
    List<ImportLine> lines =
        read("transaction_id,is_fraud,user_id\ntx_1,true,u_1\ntx_2,false,u_2\n");

    assertThat(lines).hasSize(2);
    assertThat(good(lines.get(0))).isEqualTo(new Label("tx_1", true, "u_1", Label.IMPORT, NOW));
    assertThat(good(lines.get(1))).isEqualTo(new Label("tx_2", false, "u_2", Label.IMPORT, NOW));
    assertThat(lines.get(1).number()).isEqualTo(3);
  }

  @Test
  void shouldReadCsvWithoutUserIdAsLabelsWithoutUser() throws IOException {
    List<ImportLine> lines = read("transaction_id,is_fraud\r\ntx_1,1\r\ntx_2,0\r\n", "chargeback");

    assertThat(good(lines.get(0))).isEqualTo(new Label("tx_1", true, null, "chargeback", NOW));
    assertThat(good(lines.get(1))).isEqualTo(new Label("tx_2", false, null, "chargeback", NOW));
  }

  @Test
  void shouldAcceptOneAndZeroAndSpreadsheetCapitalsForIsFraud() throws IOException {
    List<ImportLine> lines =
        read("is_fraud,transaction_id,user_id\n1,a,u\n0,b,u\nTRUE,c,\nFalse,d,u\n");

    assertThat(lines).extracting(l -> good(l).fraud()).containsExactly(true, false, true, false);
    assertThat(good(lines.get(2)).userId()).as("empty user_id").isNull();
  }

  @Test
  void shouldKeepLabelledAtOfACsvLineThatHasOne() throws IOException {
    List<ImportLine> lines =
        read("transaction_id,is_fraud,labelled_at\ntx_1,true,2026-01-05T00:00:00Z\ntx_2,true,\n");

    assertThat(good(lines.get(0)).labelledAt()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(good(lines.get(1)).labelledAt()).isEqualTo(NOW);
  }

  @Test
  void shouldReportBadCsvLinesWithTheirNumberAndFieldAndReadOn() throws IOException {
    List<ImportLine> lines =
        read(
            "transaction_id,is_fraud,user_id\n"
                + "tx_1,maybe,u_1\n" // 2
                + ",true,u_1\n" // 3
                + "tx_3,true\n" // 4
                + "\"tx_4\",true,u_1\n" // 5
                + "tx_5,true,u_5\n"); // 6

    assertThat(lines).hasSize(5);
    assertThat(lines.subList(0, 4)).allMatch(l -> l instanceof ImportLine.Bad);
    assertThat(lines).extracting(ImportLine::number).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(((ImportLine.Bad) lines.get(0)).reason())
        .isEqualTo("is_fraud: expected true, false, 1 or 0, got 'maybe'");
    assertThat(((ImportLine.Bad) lines.get(1)).reason()).startsWith("transaction_id:");
    assertThat(((ImportLine.Bad) lines.get(2)).reason())
        .isEqualTo("expected 3 fields (transaction_id,is_fraud,user_id), got 2");
    assertThat(((ImportLine.Bad) lines.get(3)).reason()).contains("quoted");
    assertThat(good(lines.get(4)).transactionId()).isEqualTo("tx_5");
  }

  @Test
  void shouldSkipBlankLinesBeforeTheHeaderAndBetweenLinesCountingThemInLineNumbers()
      throws IOException {
    List<ImportLine> lines = read("\n  \ntransaction_id,is_fraud\n\ntx_1,true\n   \ntx_2,nope\n");

    assertThat(lines).extracting(ImportLine::number).containsExactly(5L, 7L);
    assertThat(good(lines.get(0)).transactionId()).isEqualTo("tx_1");
    assertThat(lines.get(1)).isInstanceOf(ImportLine.Bad.class);
  }

  @Test
  void shouldRefuseAHeaderMissingARequiredColumnNamingIt() {
    assertThatThrownBy(() -> read("transaction_id,user_id\ntx_1,u_1\n"))
        .isInstanceOf(LabelFileException.class)
        .hasMessageStartingWith("line 1: header missing column is_fraud");
  }

  @Test
  void shouldRefuseAHeaderWithAnUnknownColumn() {
    assertThatThrownBy(() -> read("transaction_id,is_fraud,amount\n"))
        .isInstanceOf(LabelFileException.class)
        .hasMessageContaining("unknown column 'amount'");
  }

  @Test
  void shouldReadJsonLinesWhereALinesOwnSourceAndTimeWin() throws IOException {
    List<ImportLine> lines =
        read(
            "{\"transaction_id\":\"tx_1\",\"is_fraud\":true,\"user_id\":\"u_1\"}\n"
                + "\n"
                + "{\"transaction_id\":\"tx_2\",\"is_fraud\":false,\"source\":\"analyst\","
                + "\"labelled_at\":\"2026-01-05T00:00:00Z\",\"case_id\":7}\n",
            "chargeback");

    assertThat(good(lines.get(0))).isEqualTo(new Label("tx_1", true, "u_1", "chargeback", NOW));
    assertThat(good(lines.get(1)))
        .isEqualTo(
            new Label("tx_2", false, null, "analyst", Instant.parse("2026-01-05T00:00:00Z")));
    assertThat(lines.get(1).number()).isEqualTo(3);
  }

  @Test
  void shouldReportBadJsonLinesNamingTheField() throws IOException {
    List<ImportLine> lines =
        read(
            "{\"transaction_id\":\"tx_1\"}\n"
                + "{\"transaction_id\":\"tx_2\",\"is_fraud\":\"yes\"}\n"
                + "tx_3,true\n"
                + "{\"transaction_id\":\"tx_4\",\"is_fraud\":true}\n");

    assertThat(lines).extracting(ImportLine::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(((ImportLine.Bad) lines.get(0)).reason()).startsWith("is_fraud:");
    assertThat(((ImportLine.Bad) lines.get(1)).reason()).startsWith("is_fraud:");
    assertThat(lines.get(2)).isInstanceOf(ImportLine.Bad.class);
    assertThat(good(lines.get(3)).transactionId()).isEqualTo("tx_4");
  }

  @Test
  void shouldRefuseABlankDefaultSource() {
    assertThatThrownBy(() -> read("transaction_id,is_fraud\n", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("source:");
  }
}
