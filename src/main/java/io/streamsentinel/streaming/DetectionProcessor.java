package io.streamsentinel.streaming;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.ProfileFormatException;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.UserProfileCodec;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.RecentIds;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.InvalidTransactionException;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.DeadLetters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes, de-duplicates and scores one transaction. A transaction id the user's profile remembers
 * within the dedup window is a duplicate ({@link RecentIds}). The profile read, the profile write
 * and the outputs happen in one Streams task, so under exactly_once_v2 they commit or abort
 * together. The logic itself is the pure {@link FraudDetector}; this class only moves bytes between
 * the stores, the detector and the sinks.
 */
final class DetectionProcessor implements Processor<String, byte[], String, byte[]> {

  private static final Logger log = LoggerFactory.getLogger(DetectionProcessor.class);

  private final DetectorSettings settings;
  private final long dedupWindowMillis;
  private final TransactionCodec codec;
  private final DetectorCounters counters;
  private final DriftMonitor.Recorder drift;
  private final UserProfileCodec.Encoder profileEncoder = new UserProfileCodec.Encoder();
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> profiles;
  private KeyValueStore<String, byte[]> accountStatus;

  DetectionProcessor(DetectorSettings settings, DetectorCounters counters, DriftMonitor drift) {
    this.settings = settings;
    this.dedupWindowMillis = settings.dedupWindow().toMillis();
    this.codec = new TransactionCodec(settings.limits());
    this.counters = counters;
    this.drift = drift.recorder();
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.profiles = context.getStateStore(FraudTopology.PROFILE_STORE);
    this.accountStatus = context.getStateStore(FraudTopology.ACCOUNT_STATUS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    long start = System.nanoTime();
    Transaction tx;
    try {
      tx = codec.decode(record.value(), record.timestamp());
    } catch (InvalidTransactionException e) {
      deadLetter(record, e.field(), e.problem());
      return;
    }
    if (!tx.userId().equals(record.key())) {
      // A wrong key would put the user's profile on two partitions; refuse it rather than score it
      // badly.
      deadLetter(record, "user_id", "record key '" + record.key() + "' differs from user_id");
      return;
    }
    UserProfile before = profileOf(tx.userId());
    long idHash = RecentIds.hash(tx.transactionId());
    if (before.seenIds().contains(idHash, record.timestamp(), dedupWindowMillis)) {
      counters.duplicate();
      log.debug("Duplicate {} dropped", tx.transactionId());
      return;
    }
    score(record, tx, before, idHash);
    counters.scoringTime(System.nanoTime() - start);
    counters.eventToDecision(context.currentSystemTimeMs() - record.timestamp());
  }

  /**
   * Scores {@code tx} against {@code before} and stores the profile after it, which remembers its
   * id only now: an id is never remembered for a transaction that was not decided.
   */
  private void score(
      Record<String, byte[]> record, Transaction tx, UserProfile before, long idHash) {
    ScoringModel model = settings.models().current(); // read once: scoring and drift agree
    FraudDetector detector = settings.ruleSource().current();
    FraudDetector.Assessment result =
        detector.assess(
            tx,
            before,
            statusOf(tx),
            model,
            settings.models().shadow(),
            settings.ruleSource().shadow(),
            settings.snoozes().current());
    profiles.put(
        tx.userId(),
        profileEncoder.encode(
            result.profile().withSeen(idHash, record.timestamp(), dedupWindowMillis)));
    Decision decision = result.decision();
    byte[] decided = DecisionCodec.encodeDecision(decision, tx);
    context.forward(record.withValue(decided), FraudTopology.SCORES_SINK);
    counters.scored();
    if (result.silencedHits() > 0) {
      counters.snoozedHits(result.silencedHits());
    }
    drift.record(model, decision, context.currentSystemTimeMs());
    if (decision.isAlert(settings.alertThreshold())) {
      context.forward(
          record.withValue(DecisionCodec.alertOf(decided, decision.transactionId())),
          FraudTopology.ALERTS_SINK);
      counters.alert(decision.severity());
    }
  }

  @Override
  public void close() {
    drift.close();
  }

  private UserProfile profileOf(String userId) {
    byte[] stored = profiles.get(userId);
    if (stored == null) {
      return UserProfile.empty(userId);
    }
    try {
      return UserProfileCodec.decode(stored);
    } catch (ProfileFormatException e) {
      // Losing one user's history beats failing every later transaction of theirs on the same
      // bytes.
      log.warn("Unreadable profile of {} replaced by an empty one: {}", userId, e.getMessage());
      counters.profileReset();
      return UserProfile.empty(userId);
    }
  }

  private AccountStatus statusOf(Transaction tx) {
    byte[] raw = accountStatus.get(tx.userId());
    if (raw == null) {
      return AccountStatus.ACTIVE;
    }
    try {
      return AccountStateCodec.decode(raw).statusAt(tx.timestamp());
    } catch (IllegalArgumentException e) {
      log.warn("Unreadable account status of {} ignored: {}", tx.userId(), e.getMessage());
      return AccountStatus.ACTIVE;
    }
  }

  private void deadLetter(Record<String, byte[]> record, String field, String problem) {
    var origin = context.recordMetadata().orElse(null);
    // Bounded: a dead letter too large to produce would fail the task, and exactly-once would
    // read the same record again after every restart.
    DeadLetters.Copy copy = DeadLetters.copy(record.key(), record.value(), record.headers());
    var headers =
        DeadLetters.describe(
            copy.headers(),
            "detector",
            field,
            problem,
            origin == null ? null : origin.topic(),
            origin == null ? -1 : origin.partition(),
            origin == null ? -1 : origin.offset(),
            context.currentSystemTimeMs());
    context.forward(
        new Record<>(copy.key(), copy.value(), record.timestamp(), headers),
        FraudTopology.DLQ_SINK);
    counters.deadLetter(field);
    if (origin != null) {
      log.warn(
          "Dead letter {}-{}@{}: {}: {}",
          origin.topic(),
          origin.partition(),
          origin.offset(),
          field,
          problem);
    }
  }
}
