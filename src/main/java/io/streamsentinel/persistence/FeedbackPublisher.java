package io.streamsentinel.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.Json;
import io.streamsentinel.database.Database;
import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox of {@code fraud-feedback}: label events are written with the resolution
 * ({@link #enqueue}) and sent from here, at once after a resolution and every few seconds for any
 * that could not be sent yet (Kafka down). An event is marked sent only after Kafka acknowledged
 * it; a crash in between sends it again, so consumers use {@code feedback_id} to drop repeats.
 */
public final class FeedbackPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FeedbackPublisher.class);
  private static final ObjectMapper JSON = Json.mapper();
  private static final Duration RETRY_EVERY = Duration.ofSeconds(10);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
  private static final int BATCH = 500;

  private final Database database;
  private final Producer<String, byte[]> producer;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sentinel-feedback"));
  private volatile boolean started;

  public FeedbackPublisher(Database database, Producer<String, byte[]> producer, Clock clock) {
    this.database = database;
    this.producer = producer;
    this.clock = clock;
  }

  /**
   * Sends waiting events now and every few seconds from now on, until closed: for long-running
   * hosts (the sink, the demo). A short-lived command calls {@link #publishPending} instead.
   */
  public FeedbackPublisher startRetries() {
    started = true;
    scheduler.scheduleWithFixedDelay(
        this::publishQuietly, 0, RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Writes the label event of a resolution, in the caller's transaction: a {@code LabelCodec} label
   * (source {@code analyst}, labelled at the resolution time) that carries the case besides.
   */
  void enqueue(
      Connection c,
      CaseView resolved,
      Resolution resolution,
      String analyst,
      String note,
      Instant at)
      throws SQLException {
    String id = "feedback-" + CaseService.subject(resolved.caseId());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("feedback_id", id);
    event.put("case_id", resolved.caseId());
    event.put("user_id", resolved.userId());
    event.put("transaction_id", resolved.transactionId());
    event.put("alert_id", resolved.alertId());
    event.put("label", resolution.wireName());
    event.put("is_fraud", resolution.isFraud());
    event.put("severity", resolved.severity());
    event.put("analyst", analyst);
    event.put("note", note);
    event.put("resolved_at", at.toString());
    // The label event's own fields (codec.LabelCodec): the sink stores resolutions as labels.
    event.put("source", Label.ANALYST);
    event.put("labelled_at", at.toString());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO feedback_outbox (feedback_id, case_id, user_id, payload, created_at)"
                + " VALUES (?, ?, ?, CAST(? AS jsonb), ?)")) {
      ps.setString(1, id);
      ps.setLong(2, resolved.caseId());
      ps.setString(3, resolved.userId());
      ps.setString(4, JSON.writeValueAsString(event));
      ps.setTimestamp(5, Timestamp.from(at));
      ps.executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a feedback event", e);
    }
  }

  /** Sends what is waiting, soon, on the publisher's thread (when retries run). */
  void publishSoon() {
    if (started) {
      scheduler.execute(this::publishQuietly);
    }
  }

  /**
   * Sends every waiting event now and marks it sent.
   *
   * @return how many were sent
   */
  public synchronized int publishPending() throws SQLException, InterruptedException {
    int sent = 0;
    try (Connection c = database.connection()) {
      for (Pending p : pending(c)) {
        send(p);
        markSent(c, p.id());
        sent++;
      }
    }
    return sent;
  }

  private void publishQuietly() {
    try {
      int sent = publishPending();
      if (sent > 0) {
        log.info("published {} feedback event(s) to {}", sent, TopicCatalog.FRAUD_FEEDBACK);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn(
          "feedback events not published now ({}); retrying in {}", e.getMessage(), RETRY_EVERY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Pending(String id, String userId, String payload) {}

  private static List<Pending> pending(Connection c) throws SQLException {
    List<Pending> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT feedback_id, user_id, payload::text FROM feedback_outbox"
                    + " WHERE published_at IS NULL ORDER BY created_at LIMIT "
                    + BATCH);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Pending(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }

  private void send(Pending p) throws InterruptedException {
    Future<RecordMetadata> ack =
        producer.send(
            new ProducerRecord<>(
                TopicCatalog.FRAUD_FEEDBACK,
                p.userId(),
                p.payload().getBytes(StandardCharsets.UTF_8)));
    try {
      ack.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge " + p.id() + ": " + e.getMessage(), e);
    }
  }

  private void markSent(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE feedback_outbox SET published_at = ? WHERE feedback_id = ?")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, id);
      ps.executeUpdate();
    }
  }

  /** Stops the retries; the producer is the caller's. */
  @Override
  public void close() throws InterruptedException {
    scheduler.shutdown();
    scheduler.awaitTermination(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
