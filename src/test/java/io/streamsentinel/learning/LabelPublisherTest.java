package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Label;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LabelPublisherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
  private static final String FILE =
      "transaction_id,is_fraud,user_id\ntx_1,true,u_1\ntx_2,false,\ntx_3,x,u_3\ntx_4,0,u_4\n";

  private static LabelImport lines() {
    return new LabelImport(new StringReader(FILE), Label.IMPORT, CLOCK);
  }

  @Test
  void shouldSendGoodLabelsKeyedByUserAndCountThemWhenAcknowledged() throws IOException {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    List<ImportLine> seen = new ArrayList<>();

    ImportResult result = new LabelPublisher(producer).importAll(lines(), seen::add, () -> false);

    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("u_1", null, "u_4");
    assertThat(producer.flushed()).isTrue();
    assertThat(seen).hasSize(4);
    assertThat(result).isEqualTo(new ImportResult(5, 1, 2, 1, 0, null));
  }

  @Test
  void shouldCountARetriableFailureAndGoOn() throws IOException {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    LabelPublisher publisher = new LabelPublisher(producer);
    List<ImportLine> seen = new ArrayList<>();

    ImportResult result =
        publisher.importAll(
            lines(),
            line -> {
              seen.add(line);
              if (line.number() == 2) {
                producer.errorNext(new TimeoutException("delivery timed out"));
              } else if (line instanceof ImportLine.Good) {
                producer.completeNext();
              }
            },
            () -> false);

    assertThat(seen).hasSize(4);
    assertThat(result.failedSends()).isEqualTo(1);
    assertThat(result.sent()).isEqualTo(2);
    assertThat(result.fatalError()).isNull();
  }

  @Test
  void shouldStopAtANonRetriableFailure() throws IOException {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    List<ImportLine> seen = new ArrayList<>();

    ImportResult result =
        new LabelPublisher(producer)
            .importAll(
                lines(),
                line -> {
                  seen.add(line);
                  producer.errorNext(new AuthorizationException("not allowed"));
                },
                () -> false);

    assertThat(seen).hasSize(1);
    assertThat(result.failedSends()).isEqualTo(1);
    assertThat(result.fatalError()).isInstanceOf(AuthorizationException.class);
  }
}
