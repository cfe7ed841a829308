package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadProgressTest {

  private static final TopicPartition P0 = new TopicPartition("fraud-scores", 0);
  private static final TopicPartition P1 = new TopicPartition("fraud-scores", 1);

  private long now;
  private final StringWriter out = new StringWriter();

  @Test
  void shouldPrintOffsetsDoneOfTotalWithRateAndEtaOnceASecond() {
    ReadProgress progress =
        new ReadProgress(
            "reading",
            Map.of(),
            Map.of(P0, 1_000L, P1, 1_000L),
            new PrintWriter(out, true),
            () -> now);

    now = 500_000_000L;
    progress.read(new ConsumerRecord<>("fraud-scores", 0, 199, "k", "v"));
    assertThat(out.toString()).isEmpty(); // not a second yet
    now = 2_000_000_000L;
    progress.read(new ConsumerRecord<>("fraud-scores", 1, 299, "k", "v"));

    assertThat(out.toString())
        .isEqualTo(String.format("[    2s] reading: 500/2,000 offsets 25%% (250/s) ETA 6s%n"));
  }

  @Test
  void shouldCountFromTheStartOffsetsAndNeverPastTheTotal() {
    ReadProgress progress =
        new ReadProgress(
            "reading", Map.of(P0, 900L), Map.of(P0, 1_000L), new PrintWriter(out, true), () -> now);

    now = 1_000_000_000L;
    progress.read(new ConsumerRecord<>("fraud-scores", 0, 1_000, "k", "v"));

    assertThat(progress.line(now)).contains("100/100 offsets 100%").contains("ETA 0s");
  }
}
