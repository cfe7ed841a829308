package io.streamsentinel.persistence;

/**
 * A filter on the case list; null fields do not filter.
 *
 * @param status only cases in this status
 * @param assignee only cases assigned to this analyst
 * @param severity only cases of this severity (LOW..CRITICAL)
 * @param userId only this user's cases
 * @param limit at most this many, in 1..{@value #MAX_LIMIT}
 */
public record CaseQuery(
    CaseStatus status, String assignee, String severity, String userId, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public CaseQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw CaseException.invalid(
          "limit", "must be within [1, " + MAX_LIMIT + "] but was " + limit);
    }
  }

  /** Every case, up to the default limit. */
  public static CaseQuery all() {
    return new CaseQuery(null, null, null, null, DEFAULT_LIMIT);
  }
}
