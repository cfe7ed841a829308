package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The cold drain as seen from outside, from samples of committed offsets. */
class CommitTimelineTest {

  private static final TopicPartition P0 = new TopicPartition("tx", 0);
  private static final TopicPartition P1 = new TopicPartition("tx", 1);
  private static final long LAUNCH = 1_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  /** 600 records on P0, 400 on P1. */
  private final CommitTimeline timeline = new CommitTimeline(Map.of(P0, 600L, P1, 400L), LAUNCH);

  @Test
  void shouldTimeFromTheFirstCommitSeenToTheLastAndCountOnlyWhatCameAfterTheFirst() {
    timeline.note(LAUNCH + SECOND, Map.of());
    timeline.note(LAUNCH + 3 * SECOND, Map.of(P0, 100L, P1, 100L));
    timeline.note(LAUNCH + 4 * SECOND, Map.of(P0, 600L, P1, 200L));
    timeline.note(LAUNCH + 7 * SECOND, Map.of(P0, 600L, P1, 400L));

    assertThat(timeline.isDrained()).isTrue();
    CommitTimeline.Result result = timeline.result();
    assertThat(result.recordsAfterFirstCommit()).isEqualTo(800);
    assertThat(result.recordsPerSecond()).isCloseTo(200.0, within(1e-9));
    assertThat(result.secondsToFirstCommit()).isCloseTo(3.0, within(1e-9));
    assertThat(result.secondsToLastCommit()).isCloseTo(7.0, within(1e-9));
  }

  @Test
  void shouldNotBeDrainedUntilEveryPartitionReachedItsEnd() {
    timeline.note(LAUNCH + SECOND, Map.of(P0, 600L));
    timeline.note(LAUNCH + 2 * SECOND, Map.of(P0, 600L, P1, 399L));

    assertThat(timeline.isDrained()).isFalse();
    assertThat(timeline.committed()).isEqualTo(999);
    assertThatThrownBy(timeline::result).hasMessageContaining("999 of 1000");
  }

  @Test
  void shouldStartTheClockWhenAnyOffsetIsCommittedEvenAtZero() {
    timeline.note(LAUNCH + SECOND, Map.of(P1, 0L));
    timeline.note(LAUNCH + 5 * SECOND, Map.of(P0, 600L, P1, 400L));

    assertThat(timeline.result().recordsPerSecond()).isCloseTo(250.0, within(1e-9));
    assertThat(timeline.result().secondsToFirstCommit()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldIgnoreSamplesAfterTheDrainEnded() {
    timeline.note(LAUNCH + SECOND, Map.of(P0, 500L, P1, 300L));
    timeline.note(LAUNCH + 2 * SECOND, Map.of(P0, 600L, P1, 400L));
    timeline.note(LAUNCH + 9 * SECOND, Map.of(P0, 600L, P1, 400L));

    assertThat(timeline.result().secondsToLastCommit()).isCloseTo(2.0, within(1e-9));
    assertThat(timeline.result().recordsPerSecond()).isCloseTo(200.0, within(1e-9));
  }

  @Test
  void shouldCountAnEmptyPartitionAsDrained() {
    CommitTimeline withEmpty = new CommitTimeline(Map.of(P0, 10L, P1, 0L), LAUNCH);
    withEmpty.note(LAUNCH + SECOND, Map.of(P0, 5L));
    withEmpty.note(LAUNCH + 2 * SECOND, Map.of(P0, 10L));

    assertThat(withEmpty.isDrained()).isTrue();
    assertThat(withEmpty.result().recordsPerSecond()).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void shouldRefuseToTimeADrainWhoseFirstCommitCoveredEverything() {
    timeline.note(LAUNCH + SECOND, Map.of(P0, 600L, P1, 400L));

    assertThat(timeline.isDrained()).isTrue();
    assertThatThrownBy(timeline::result).hasMessageContaining("too few records");
  }
}
