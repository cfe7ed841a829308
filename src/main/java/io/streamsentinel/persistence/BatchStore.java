package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the sink stores its batches, one transaction each: {@link BatchWriter} on the database. The
 * sink sees only this, so that its consumer loop can be tested against an outage or a slow write on
 * cue, without a database. A store is used by one thread at a time.
 */
interface BatchStore {

  /**
   * Stores the batch; moves each row the store refuses for what it holds to {@code dead}, with the
   * reason, and removes it from the batch.
   *
   * @throws SQLException a transient failure (worth waiting out): nothing of the batch is stored
   */
  void writeIsolatingBadRows(SinkBatch batch, List<DeadLetter> dead) throws SQLException;

  /** Drops decision partitions past retention; returns their names. */
  List<String> applyRetention(Duration retention, Instant now) throws SQLException;
}
