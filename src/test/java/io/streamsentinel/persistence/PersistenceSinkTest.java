package io.streamsentinel.persistence;

import static io.streamsentinel.persistence.ScriptedDatabase.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sink's consumer loop on a {@link PartitionLogConsumer} (Kafka's MockConsumer), a {@link
 * MockProducer} for dead letters and a {@link ScriptedDatabase} that goes down or holds a write on
 * cue. Every commit is checked as it happens ({@link CommitAudit}): it may cover only records that
 * are stored or dead-lettered, of partitions this member owns.
 */
class PersistenceSinkTest {

  private static final TopicPartition STATUS_0 = new TopicPartition(TopicCatalog.ACCOUNT_STATUS, 0);
  private static final TopicPartition STATUS_1 = new TopicPartition(TopicCatalog.ACCOUNT_STATUS, 1);
  private static final TopicPartition STATUS_2 = new TopicPartition(TopicCatalog.ACCOUNT_STATUS, 2);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final PartitionLogConsumer consumer = new PartitionLogConsumer();
  private final MockProducer<String, byte[]> dlq =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final ScriptedDatabase database = new ScriptedDatabase();
  private final SinkCounters counters = new SinkCounters();
  private final CommitAudit audit = new CommitAudit(consumer, database, dlq);
  private PersistenceSink sink;
  private Thread sinkThread;

  @AfterEach
  void stopSink() throws InterruptedException {
    database.releaseAll();
    if (sink != null) {
      sink.close();
      sinkThread.join(DEADLINE.toMillis());
      assertThat(sinkThread.isAlive()).as("the sink stopped").isFalse();
      assertThat(sink.fatalError()).isNull();
    }
  }

  @Test
  void shouldStoreEveryRecordOnceWhenAnEagerRebalanceHitsTheRetryOfAFailedBatch() {
    append(STATUS_0, 3);
    append(STATUS_1, 1);
    appendPoison(STATUS_1);
    append(STATUS_1, 1);
    database.goDown();
    consumer.duringPoll(() -> true, () -> consumer.rebalance(List.of(STATUS_0, STATUS_1)));
    AtomicBoolean pausedAndRetrying = new AtomicBoolean();
    consumer.duringPoll(
        backoffPollOfRetry(2),
        () -> {
          pausedAndRetrying.set(counters.waitingFor() != null && allPaused());
          // Everything is revoked and assigned again, unpaused, from the last commit (none): the
          // backoff poll returns the failed batch's records once more.
          consumer.eagerRebalance(List.of(STATUS_0, STATUS_1));
        });
    start();

    awaitSink("the rebalance").until(consumer::hasRunAllSteps);
    database.comeBack();
    append(STATUS_0, 2); // later records, whose commit must not step over the earlier ones
    append(STATUS_1, 2);

    awaitEverythingCommitted();
    assertThat(pausedAndRetrying).as("the rebalance hit a paused, retrying sink").isTrue();
    assertThat(database.stored())
        .as("every record stored once")
        .containsExactlyInAnyOrderElementsOf(recordsExcept(id(STATUS_1, 1)));
    assertThat(audit.deadLetters()).containsExactly(id(STATUS_1, 1));
    assertThat(audit.badCommits()).isEmpty();
  }

  @Test
  void shouldNeitherStoreNorCommitWhatARebalanceDuringAnOutageTookAway() {
    append(STATUS_0, 2);
    appendPoison(STATUS_0);
    appendPoison(STATUS_1);
    append(STATUS_1, 2);
    append(STATUS_2, 3);
    database.goDown();
    consumer.duringPoll(() -> true, () -> consumer.rebalance(List.of(STATUS_0, STATUS_1)));
    AtomicBoolean arrivedPaused = new AtomicBoolean();
    consumer.duringPoll(
        backoffPollOfRetry(2),
        () -> {
          // Partition 1 moves to another member, partition 2 comes to this one.
          consumer.rebalance(List.of(STATUS_0, STATUS_2));
          arrivedPaused.set(allPaused());
        });
    start();

    awaitSink("the rebalance").until(consumer::hasRunAllSteps);
    database.comeBack();

    Map<TopicPartition, Long> owned = Map.of(STATUS_0, 3L, STATUS_2, 3L);
    awaitSink("what this member owns committed")
        .until(() -> audit.committed().entrySet().containsAll(owned.entrySet()));
    assertThat(audit.committed())
        .as("nothing committed of the partition that left")
        .isEqualTo(owned);
    assertThat(arrivedPaused).as("a partition that arrives during the outage waits too").isTrue();
    assertThat(database.stored())
        .as("stored once, and nothing of the partition that left (its new owner stores it)")
        .containsExactlyInAnyOrder(
            id(STATUS_0, 0), id(STATUS_0, 1), id(STATUS_2, 0), id(STATUS_2, 1), id(STATUS_2, 2));
    assertThat(audit.deadLetters()).containsExactly(id(STATUS_0, 2));
    assertThat(audit.badCommits()).isEmpty();
  }

  @Test
  void shouldCommitInPollOrderWhenALaterBatchIsStoredFirst() {
    append(STATUS_0, 3);
    database.holdWriteOf(id(STATUS_0, 0));
    consumer.duringPoll(() -> true, () -> consumer.rebalance(List.of(STATUS_0)));
    consumer.duringPoll(() -> true, () -> append(STATUS_0, 3)); // the next poll: a second batch
    start();

    awaitSink("batch 2 stored while batch 1 is held")
        .until(() -> database.hasStored(id(STATUS_0, 3)) && database.isHolding(id(STATUS_0, 0)));
    long polls = consumer.polls();
    // Each turn of the loop settles the oldest batch when its write ended; a few turns give the
    // writer thread time to complete batch 2's future, many more make the test no stronger.
    awaitSink("the loop going round").until(() -> consumer.polls() > polls + 20);
    assertThat(consumer.commits()).as("nothing committed while batch 1 is written").isEmpty();

    database.release(id(STATUS_0, 0));
    awaitSink("batch 2 committed").until(() -> audit.committed().equals(Map.of(STATUS_0, 6L)));
    assertThat(consumer.commits())
        .extracting(c -> c.get(STATUS_0).offset())
        .as("batch 1's offsets, then batch 2's")
        .containsExactly(3L, 6L);
    assertThat(audit.badCommits()).isEmpty();
  }

  private void start() {
    sink =
        new PersistenceSink(
            consumer,
            dlq,
            database.writers(2),
            Duration.ofDays(30), // retention: the scripted database has no partitions to drop
            counters,
            CLOCK);
    sinkThread = new Thread(sink, "test-sink");
    sinkThread.start();
  }

  /**
   * The sink counts a retry, then polls through its backoff: the first poll that sees retry {@code
   * n} counted is that backoff poll, while the partitions are paused.
   */
  private BooleanSupplier backoffPollOfRetry(int n) {
    return () -> counters.retries() >= n;
  }

  private boolean allPaused() {
    return consumer.paused().containsAll(consumer.assignment());
  }

  private void awaitEverythingCommitted() {
    awaitSink("every record committed").until(() -> audit.committed().equals(consumer.logEnds()));
  }

  /** Waits for {@code what}; fails at once when the sink stopped. */
  private ConditionFactory awaitSink(String what) {
    return await(what).atMost(DEADLINE).failFast("the sink stopped", () -> !sinkThread.isAlive());
  }

  private List<String> recordsExcept(String left) {
    return consumer.appended().stream()
        .map(ScriptedDatabase::id)
        .filter(i -> !i.equals(left))
        .toList();
  }

  private void append(TopicPartition tp, int count) {
    for (int i = 0; i < count; i++) {
      String user = "user_" + tp.partition() + "_" + i;
      AccountState state =
          new AccountState(user, AccountStatus.BLOCKED, "test", CLOCK.instant(), null);
      consumer.append(tp, user, AccountStateCodec.encode(state));
    }
  }

  private void appendPoison(TopicPartition tp) {
    consumer.append(tp, "user_x", "{not json".getBytes(StandardCharsets.UTF_8));
  }
}
