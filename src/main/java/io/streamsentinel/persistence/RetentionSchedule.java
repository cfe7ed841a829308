package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops decision partitions past retention: at the sink's start, then hourly. Skipped while the
 * database is down; a failed pass is tried again an hour later (partitions past retention only cost
 * space until then).
 */
final class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private static final Duration EVERY = Duration.ofHours(1);

  private final Duration retention;
  private final DatabaseOutage outage;
  private final Clock clock;
  private Instant next = Instant.MIN;

  RetentionSchedule(Duration retention, DatabaseOutage outage, Clock clock) {
    this.retention = retention;
    this.outage = outage;
    this.clock = clock;
  }

  /**
   * Runs a pass when one is due, on the calling (the sink's) thread, with a writer no batch in
   * flight uses: a writer keeps its cache of partitions and must be used by one thread at a time.
   */
  void applyWhenDue(BatchStore freeWriter) {
    Instant now = clock.instant();
    if (now.isBefore(next) || outage.isWaiting()) {
      return;
    }
    next = now.plus(EVERY);
    try {
      freeWriter.applyRetention(retention, now);
    } catch (SQLException e) {
      log.warn("decision retention not applied now ({}); next try in an hour", e.getMessage());
    }
  }
}
