package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TransactionPublisherTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** user_0, user_1, user_2, user_0, ... with every 10th event labelled card_testing. */
  private static Supplier<Transaction> events() {
    return new Supplier<>() {
      private int n;

      @Override
      public Transaction get() {
        int i = n++;
        return Transaction.builder()
            .transactionId("tx_" + i)
            .userId("user_" + (i % 3))
            .amount(new BigDecimal("10.00"))
            .timestamp(T0.plusSeconds(i))
            .isFraud(i % 10 == 0)
            .fraudPattern(i % 10 == 0 ? "card_testing" : null)
            .build();
      }
    };
  }

  private static byte[] encode(Transaction tx) {
    return tx.transactionId().getBytes(StandardCharsets.UTF_8);
  }

  private static TransactionPublisher publisher(MockProducer<String, byte[]> producer, long count) {
    return new TransactionPublisher(
        producer,
        events(),
        TransactionPublisherTest::encode,
        new PublishPlan("synthetic-transactions", 0, count, null),
        new PublisherStats(),
        System::nanoTime);
  }

  @Test
  void shouldKeyEveryEventByUserIdAndCountAcks() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    TransactionPublisher publisher = publisher(producer, 100);

    publisher.run();

    assertThat(producer.history()).hasSize(100);
    assertThat(producer.history().get(4).key()).isEqualTo("user_1");
    assertThat(producer.history().get(4).value())
        .isEqualTo("tx_4".getBytes(StandardCharsets.UTF_8));
    assertThat(producer.history())
        .allSatisfy(r -> assertThat(r.topic()).isEqualTo("synthetic-transactions"));
    assertThat(publisher.stats().sent()).isEqualTo(100);
    assertThat(publisher.stats().acked()).isEqualTo(100);
    assertThat(publisher.stats().failed()).isZero();
    assertThat(publisher.stats().fraudLabelled()).isEqualTo(10);
    assertThat(publisher.stats().fraudByPattern()).containsEntry("card_testing", 10L);
    assertThat(publisher.stats().totalLatency().getTotalCount()).isEqualTo(100);
    assertThat(publisher.fatalError()).isNull();
  }

  @Test
  void shouldCountFailedSendsAndGoOnWhenRetriesRanOut() {
    FailingProducer producer =
        new FailingProducer(new TimeoutException("expired after delivery.timeout.ms"), 5);
    TransactionPublisher publisher = publisher(producer, 50);

    publisher.run();

    assertThat(publisher.stats().sent()).isEqualTo(50);
    assertThat(publisher.stats().failed()).isEqualTo(10);
    assertThat(publisher.stats().acked()).isEqualTo(40);
    assertThat(publisher.stats().failuresByError()).containsEntry("TimeoutException", 10L);
    assertThat(publisher.fatalError()).isNull();
  }

  @Test
  void shouldStopOnAFatalError() {
    FailingProducer producer = new FailingProducer(new TopicAuthorizationException("denied"), 5);
    TransactionPublisher publisher = publisher(producer, 1_000);

    publisher.run();

    assertThat(publisher.fatalError()).isInstanceOf(TopicAuthorizationException.class);
    assertThat(publisher.stats().sent()).isEqualTo(5);
  }

  @Test
  void shouldStopWhenAsked() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    TransactionPublisher publisher = publisher(producer, 0);
    publisher.stop();

    publisher.run();

    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldSendNothingBeforeItIsDueAndWhatIsDueInBurstsOfAMillisecond() {
    long[] clock = {0};
    List<Long> parks = new ArrayList<>();
    List<Long> sentAt = new ArrayList<>();
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<String, byte[]> record, Callback callback) {
            sentAt.add(clock[0]);
            return super.send(record, callback);
          }
        };
    TransactionPublisher publisher =
        new TransactionPublisher(
            producer,
            events(),
            TransactionPublisherTest::encode,
            new PublishPlan("synthetic-transactions", 10_000, 1_000, null),
            new PublisherStats(),
            () -> clock[0],
            nanos -> {
              parks.add(nanos);
              clock[0] += nanos; // a park that ends on time
            });

    publisher.run();

    assertThat(sentAt).hasSize(1_000);
    long interval = 100_000; // ns between events at 10,000 a second
    for (int n = 0; n < sentAt.size(); n++) {
      assertThat(sentAt.get(n)).as("event %d", n).isGreaterThanOrEqualTo(n * interval);
      assertThat(sentAt.get(n))
          .as("event %d at most a park late", n)
          .isLessThan(n * interval + TransactionPublisher.MIN_PARK_NANOS);
    }
    // One park a millisecond, about ten events after each, not a park per event.
    assertThat(parks).allSatisfy(p -> assertThat(p).isEqualTo(TransactionPublisher.MIN_PARK_NANOS));
    assertThat(parks).hasSizeBetween(99, 101);
  }

  @Test
  void shouldParkUntilTheNextEventWhenItIsLongerThanTheShortestPark() {
    // One every 5 ms: a park to each of the two later events.
    assertThat(parksOf(new PublishPlan("synthetic-transactions", 200, 3, null)))
        .containsExactly(5_000_000L, 5_000_000L);
  }

  @Test
  void shouldParkAtMostTenMillisecondsAtATimeToSeeAStop() {
    List<Long> parks = parksOf(new PublishPlan("synthetic-transactions", 50, 2, null));

    // 20 ms to the second event.
    assertThat(parks).containsExactly(10_000_000L, 10_000_000L);
  }

  @Test
  void shouldNeverParkWhenUnthrottled() {
    assertThat(parksOf(new PublishPlan("synthetic-transactions", 0, 1_000, null))).isEmpty();
  }

  /** The parks of a run of the plan on a clock that only the parks move. */
  private static List<Long> parksOf(PublishPlan plan) {
    long[] clock = {0};
    List<Long> parks = new ArrayList<>();
    new TransactionPublisher(
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()),
            events(),
            TransactionPublisherTest::encode,
            plan,
            new PublisherStats(),
            () -> clock[0],
            nanos -> {
              parks.add(nanos);
              clock[0] += nanos;
            })
        .run();
    return parks;
  }

  /** Kafka's MockProducer whose every n-th send completes with the given error. */
  private static final class FailingProducer extends MockProducer<String, byte[]> {
    private final RuntimeException error;
    private final int every;
    private final AtomicInteger sends = new AtomicInteger();

    FailingProducer(RuntimeException error, int every) {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
      this.error = error;
      this.every = every;
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, Callback callback) {
      if (sends.incrementAndGet() % every == 0) {
        callback.onCompletion(null, error);
        return null;
      }
      return super.send(record, callback);
    }
  }
}
