package io.streamsentinel.persistence;

import java.time.Instant;
import java.util.List;

/**
 * A review case as the API and CLI show it.
 *
 * @param kind the action that opened it: MANUAL_REVIEW or OPEN_INVESTIGATION
 * @param assignee null until assigned
 * @param resolution null until resolved
 * @param resolvedBy null until resolved
 * @param resolutionNote may be null
 * @param resolvedAt null until resolved
 */
public record CaseView(
    long caseId,
    String status,
    String kind,
    String userId,
    String transactionId,
    String alertId,
    String severity,
    List<String> reasons,
    String assignee,
    String resolution,
    String resolvedBy,
    String resolutionNote,
    Instant openedAt,
    Instant updatedAt,
    Instant resolvedAt) {

  public CaseView {
    reasons = List.copyOf(reasons);
  }
}
