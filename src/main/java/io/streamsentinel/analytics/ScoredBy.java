package io.streamsentinel.analytics;

/** Which of a decision's scores a per-model histogram cell counts. */
public enum ScoredBy {
  /** The final score: the model's where one was in force, else the rules'. */
  SCORE("score"),
  /** The rules' own score, which the model replaced: the baseline on the same decisions. */
  RULES_SCORE("rules_score");

  private final String key;

  ScoredBy(String key) {
    this.key = key;
  }

  /** The name in the database, the JSON and the CSV. */
  public String key() {
    return key;
  }

  /** The scorer named {@code key}. */
  public static ScoredBy ofKey(String key) {
    for (ScoredBy s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a scorer: " + key);
  }
}
