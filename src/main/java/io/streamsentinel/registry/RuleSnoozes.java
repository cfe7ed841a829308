package io.streamsentinel.registry;

import io.streamsentinel.detection.Snooze;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.List;

/**
 * The operators' snoozes on {@code fraud-rule-snoozes}: one record per rule and user (or card),
 * keyed by {@link Snooze#key()}, so compaction keeps the latest; a tombstone lifts one. Every
 * detector follows the topic ({@link SnoozeWatcher}). A snooze that has ended stays on the topic,
 * silencing only payments that arrive late, dated before its end, until it is lifted, one by one or
 * all at once ({@link #purgeEndedBefore}).
 */
public final class RuleSnoozes {

  private final RegistryTopic<Snooze> topic;

  public RuleSnoozes(ClientConfigFactory clients) {
    this.topic =
        new RegistryTopic<>(
            clients,
            TopicCatalog.FRAUD_RULE_SNOOZES,
            ClientCatalog.RULES,
            ClientCatalog::rulesTransaction,
            0,
            SnoozeRecordCodec::decode,
            Snooze::key,
            SnoozeRecordCodec::encode,
            RegistryTopic.Tombstones.DELETE);
  }

  /** Every snooze on the topic, expired ones too, oldest first; bad records are skipped. */
  public List<Snooze> list() {
    List<Snooze> all = topic.latest();
    all.sort(Snooze.OLDEST_FIRST);
    return all;
  }

  /**
   * Sets {@code snooze} on every detector within seconds; it replaces the snooze of the same rule
   * and user (or card), if there was one.
   *
   * @return the snooze it replaced, or null
   * @throws IllegalStateException when the topic cannot be written
   */
  public Snooze snooze(Snooze snooze) {
    Snooze replaced = find(snooze.rule(), snooze.userId(), snooze.cardLast4());
    topic.write(List.of(snooze));
    return replaced;
  }

  /**
   * Lifts the snooze of {@code rule} for this user, or for this card of theirs: the rule fires for
   * them again on every detector within seconds. Another snooze of the rule for the same user (the
   * user's, or one card's) stays.
   *
   * @param cardLast4 null for the snooze of every card of the user
   * @return the snooze lifted, or null when there was none (nothing is written)
   */
  public Snooze unsnooze(String rule, String userId, String cardLast4) {
    Snooze lifted = find(rule, userId, cardLast4);
    if (lifted != null) {
      topic.write(List.of(), List.of(lifted.key()));
    }
    return lifted;
  }

  /**
   * Lifts, in one transaction, every snooze that ended before {@code cutoff}. The snoozes are read
   * first and their keys then written as tombstones, so a snooze of the same rule and user set by
   * another operator between the two is lifted too; {@code rules snoozes} shows what is left.
   *
   * @return the snoozes lifted, oldest first; none written when empty
   * @throws IllegalStateException when the topic cannot be written
   */
  public List<Snooze> purgeEndedBefore(Instant cutoff) {
    List<Snooze> ended = list().stream().filter(s -> s.until().isBefore(cutoff)).toList();
    if (!ended.isEmpty()) {
      topic.write(List.of(), ended.stream().map(Snooze::key).toList());
    }
    return ended;
  }

  private Snooze find(String rule, String userId, String cardLast4) {
    String key = Snooze.key(rule, userId, cardLast4);
    return list().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
  }
}
