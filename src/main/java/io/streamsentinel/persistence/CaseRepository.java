package io.streamsentinel.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads review cases and what surrounds them. Every method uses the caller's connection. */
final class CaseRepository {

  static final String CASE_COLUMNS =
      "case_id, status, kind, user_id, transaction_id, alert_id, severity, reasons, assignee,"
          + " resolution, resolved_by, resolution_note, opened_at, updated_at, resolved_at";

  private static final ObjectMapper JSON = Json.mapper();
  private static final int HISTORY = 20;

  private CaseRepository() {}

  static List<CaseView> list(Connection c, CaseQuery q) throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT " + CASE_COLUMNS + " FROM review_cases WHERE true");
    List<Object> args = new ArrayList<>();
    filter(sql, args, "status", q.status() == null ? null : q.status().wireName());
    filter(sql, args, "assignee", q.assignee());
    filter(sql, args, "severity", q.severity());
    filter(sql, args, "user_id", q.userId());
    // The queue is worked oldest first.
    sql.append(" ORDER BY opened_at, case_id LIMIT ").append(q.limit());
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<CaseView> cases = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cases.add(caseView(rs));
        }
      }
      return cases;
    }
  }

  private static void filter(StringBuilder sql, List<Object> args, String column, Object value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  static Optional<CaseView> find(Connection c, long caseId, boolean forUpdate) throws SQLException {
    String sql =
        "SELECT "
            + CASE_COLUMNS
            + " FROM review_cases WHERE case_id = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(caseView(rs)) : Optional.empty();
      }
    }
  }

  static Optional<CaseDetail> detail(Connection c, long caseId) throws SQLException {
    Optional<CaseView> found = find(c, caseId, false);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CaseView view = found.get();
    CaseDetail.DecisionView decision =
        view.transactionId() == null
            ? null
            : decisions(c, "transaction_id = ?", view.transactionId(), 1).stream()
                .findFirst()
                .orElse(null);
    return Optional.of(
        new CaseDetail(
            view,
            decision,
            account(c, view.userId()),
            decisions(c, "user_id = ?", view.userId(), HISTORY),
            actions(c, view.userId()),
            audit(c, CaseService.subject(caseId))));
  }

  private static List<CaseDetail.DecisionView> decisions(
      Connection c, String where, String arg, int limit) throws SQLException {
    String sql =
        "SELECT transaction_id, event_time, amount, currency, merchant, merchant_category, country,"
            + " city, channel, score, severity, reasons, features, is_fraud, fraud_pattern"
            + " FROM decisions WHERE "
            + where
            + " ORDER BY event_time DESC LIMIT "
            + limit;
    List<CaseDetail.DecisionView> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(decisionView(rs));
        }
      }
    }
    return out;
  }

  private static CaseDetail.DecisionView decisionView(ResultSet rs) throws SQLException {
    return new CaseDetail.DecisionView(
        rs.getString("transaction_id"),
        instant(rs, "event_time"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getString("merchant"),
        rs.getString("merchant_category"),
        rs.getString("country"),
        rs.getString("city"),
        rs.getString("channel"),
        rs.getDouble("score"),
        rs.getString("severity"),
        json(rs.getString("reasons"), new TypeReference<List<Map<String, Object>>>() {}),
        json(rs.getString("features"), new TypeReference<Map<String, Object>>() {}),
        (Boolean) rs.getObject("is_fraud"),
        rs.getString("fraud_pattern"));
  }

  private static CaseDetail.AccountView account(Connection c, String userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT status, reason, updated_at, expires_at FROM accounts WHERE user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new CaseDetail.AccountView(
                rs.getString(1),
                rs.getString(2),
                instant(rs, "updated_at"),
                instant(rs, "expires_at"))
            : null;
      }
    }
  }

  private static List<CaseDetail.ActionView> actions(Connection c, String userId)
      throws SQLException {
    List<CaseDetail.ActionView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT action_id, action_type, actor, decided_at, note FROM actions"
                + " WHERE user_id = ? ORDER BY decided_at DESC LIMIT "
                + HISTORY)) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CaseDetail.ActionView(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  instant(rs, "decided_at"),
                  rs.getString(5)));
        }
      }
    }
    return out;
  }

  private static List<CaseDetail.AuditView> audit(Connection c, String subject)
      throws SQLException {
    List<CaseDetail.AuditView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT at, actor, action, reason FROM audit_log WHERE subject = ? ORDER BY at, audit_id")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CaseDetail.AuditView(
                  instant(rs, "at"), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  static CaseView caseView(ResultSet rs) throws SQLException {
    return new CaseView(
        rs.getLong("case_id"),
        rs.getString("status"),
        rs.getString("kind"),
        rs.getString("user_id"),
        rs.getString("transaction_id"),
        rs.getString("alert_id"),
        rs.getString("severity"),
        json(rs.getString("reasons"), new TypeReference<List<String>>() {}),
        rs.getString("assignee"),
        rs.getString("resolution"),
        rs.getString("resolved_by"),
        rs.getString("resolution_note"),
        instant(rs, "opened_at"),
        instant(rs, "updated_at"),
        instant(rs, "resolved_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static <T> T json(String text, TypeReference<T> type) throws SQLException {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
