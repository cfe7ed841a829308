package io.streamsentinel.persistence;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Review-case work: list, show, assign, resolve. Every change is audit-logged in the same
 * transaction; a resolution also writes its label event to the feedback outbox there, which the
 * {@link FeedbackPublisher} sends to {@code fraud-feedback}.
 */
public final class CaseService {

  static final int MAX_NAME = 100;
  static final int MAX_NOTE = 2_000;

  private final Database database;
  private final FeedbackPublisher feedback;
  private final Clock clock;

  public CaseService(Database database, FeedbackPublisher feedback, Clock clock) {
    this.database = database;
    this.feedback = feedback;
    this.clock = clock;
  }

  public List<CaseView> list(CaseQuery query) {
    return read(c -> CaseRepository.list(c, query));
  }

  public Optional<CaseDetail> find(long caseId) {
    return read(c -> CaseRepository.detail(c, caseId));
  }

  /** Puts the case in review with the analyst. */
  public CaseView assign(long caseId, String analyst, String note) {
    String who = name("analyst", analyst);
    String why = note("note", note);
    return change(
        caseId,
        (c, current, now) -> {
          if (CaseStatus.RESOLVED.wireName().equals(current.status())) {
            throw CaseException.conflict(
                "case "
                    + caseId
                    + " is resolved ("
                    + current.resolution()
                    + "); it cannot be assigned");
          }
          update(
              c,
              "UPDATE review_cases SET status = 'in_review', assignee = ?, updated_at = ?"
                  + " WHERE case_id = ?",
              who,
              now,
              caseId);
          audit(c, now, who, "assign_case", caseId, why, "{}");
        });
  }

  /**
   * Resolves the case with a verdict, audit-logs it and queues its label event.
   *
   * @return the case as resolved
   */
  public CaseView resolve(long caseId, Resolution resolution, String analyst, String note) {
    if (resolution == null) {
      throw CaseException.invalid("resolution", "required (confirmed_fraud or false_positive)");
    }
    String who = name("analyst", analyst);
    String why = note("note", note);
    CaseView resolved =
        change(
            caseId,
            (c, current, now) -> {
              if (CaseStatus.RESOLVED.wireName().equals(current.status())) {
                throw CaseException.conflict(
                    "case "
                        + caseId
                        + " was already resolved as "
                        + current.resolution()
                        + " by "
                        + current.resolvedBy());
              }
              update(
                  c,
                  "UPDATE review_cases SET status = 'resolved', resolution = ?, resolved_by = ?,"
                      + " resolution_note = ?, resolved_at = ?, updated_at = ?,"
                      + " assignee = COALESCE(assignee, ?) WHERE case_id = ?",
                  resolution.wireName(),
                  who,
                  why,
                  now,
                  now,
                  who,
                  caseId);
              audit(
                  c,
                  now,
                  who,
                  "resolve_case",
                  caseId,
                  why,
                  JsonText.object("resolution", resolution.wireName()));
              feedback.enqueue(c, current, resolution, who, why, now);
            });
    feedback.publishSoon();
    return resolved;
  }

  static String subject(long caseId) {
    return "case-" + caseId;
  }

  /** One change of one case, under a row lock, in one transaction. */
  private interface Change {
    void apply(Connection c, CaseView current, Instant now) throws SQLException;
  }

  private CaseView change(long caseId, Change change) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        CaseView current =
            CaseRepository.find(c, caseId, true).orElseThrow(() -> CaseException.notFound(caseId));
        change.apply(c, current, clock.instant());
        CaseView after = CaseRepository.find(c, caseId, false).orElseThrow();
        c.commit();
        return after;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot change case " + caseId, e);
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i] instanceof Instant t ? Timestamp.from(t) : args[i];
        ps.setObject(i + 1, arg);
      }
      ps.executeUpdate();
    }
  }

  private static void audit(
      Connection c,
      Instant at,
      String actor,
      String action,
      long caseId,
      String reason,
      String details)
      throws SQLException {
    update(
        c,
        "INSERT INTO audit_log (at, actor, action, subject, reason, details, source)"
            + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'cases')",
        at,
        actor,
        action,
        subject(caseId),
        reason,
        details);
  }

  private interface Read<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> query) {
    try (Connection c = database.connection()) {
      return query.apply(c);
    } catch (SQLException e) {
      throw new DatabaseException("cannot read cases", e);
    }
  }

  private static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw CaseException.invalid(field, "required");
    }
    if (value.length() > MAX_NAME) {
      throw CaseException.invalid(field, "longer than " + MAX_NAME + " characters");
    }
    return value.strip();
  }

  private static String note(String field, String value) {
    if (value != null && value.length() > MAX_NOTE) {
      throw CaseException.invalid(field, "longer than " + MAX_NOTE + " characters");
    }
    return value == null || value.isBlank() ? null : value.strip();
  }
}
