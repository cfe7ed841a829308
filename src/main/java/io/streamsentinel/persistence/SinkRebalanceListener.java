package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sink's batches consistent with the partitions this member owns. Runs inside {@code
 * poll}, on the sink's thread, so it may commit.
 *
 * <p>It first lets every write in flight end: a batch a writer thread is writing is never changed.
 * On revocation the partitions are still ours, so the stored batches are committed, in poll order,
 * up to the first that is not stored; on loss they are already someone else's and nothing is
 * committed. Every batch not committed loses the departing partitions' rows, dead letters and
 * offsets (their new owner re-reads them from the last commit; storing them twice would be
 * harmless, but committing them is no longer ours to do), and is dropped when nothing is left.
 */
final class SinkRebalanceListener implements ConsumerRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(SinkRebalanceListener.class);

  private final WritePipeline pipeline;
  private final BatchCommitter committer;
  private final DatabaseOutage outage;

  SinkRebalanceListener(WritePipeline pipeline, BatchCommitter committer, DatabaseOutage outage) {
    this.pipeline = pipeline;
    this.committer = committer;
    this.outage = outage;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
    release(revoked, true);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> lost) {
    release(lost, false);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
    if (!pipeline.isIdle()) {
      outage.pauseWhileWaiting(assigned);
    }
  }

  private void release(Collection<TopicPartition> gone, boolean stillOurs) {
    if (gone.isEmpty()) {
      return;
    }
    boolean inOrder = stillOurs;
    List<PolledBatch> kept = new ArrayList<>();
    for (PolledBatch p : pipeline.inFlight()) {
      boolean stored = awaitQuietly(p);
      if (inOrder && stored && committedBeforeHandOver(p)) {
        continue;
      }
      inOrder = false;
      p.dropPartitions(gone);
      if (!p.isEmpty()) {
        kept.add(p);
      }
    }
    pipeline.keepInFlight(kept);
    pipeline.dropFromQueued(gone);
    outage.endIfNothingToRetry(pipeline.isIdle());
  }

  /** Commits a stored batch while its partitions are still ours; false if it cannot. */
  private boolean committedBeforeHandOver(PolledBatch p) {
    try {
      committer.commit(p);
      outage.resumeIfWaiting();
      return true;
    } catch (KafkaException e) {
      log.warn("stored batch not committed before the rebalance ({})", e.getMessage());
      return false;
    }
  }

  private static boolean awaitQuietly(PolledBatch p) {
    try {
      p.awaitWrite();
      return true;
    } catch (SQLException | RuntimeException e) {
      return false; // the sink meets the same failure when it settles the batch
    }
  }
}
