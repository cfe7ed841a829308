package io.streamsentinel.detection;

/**
 * Why a transaction scored what it did: one fired rule, account status or model input.
 *
 * @param code the reason code, e.g. {@code VELOCITY_1M}; never null
 * @param detail for people, e.g. "7 transactions in 60 s"; never null
 * @param contribution for a rule reason its share of the rules' score (the rule reasons of a
 *     decision add up to its {@link Decision#rulesScore()}); for a model reason the input's share
 *     of the model's margin, in log odds
 * @param source {@link #RULE} or {@link #MODEL}
 */
public record Reason(String code, String detail, double contribution, String source) {

  /** A reason given by a rule or by the account's status. */
  public static final String RULE = "rule";

  /** A reason given by the model: one of its inputs that pushed the score up most. */
  public static final String MODEL = "model";

  public Reason {
    if (code == null || detail == null) {
      throw new IllegalArgumentException("reason code and detail are required");
    }
    if (!RULE.equals(source) && !MODEL.equals(source)) {
      throw new IllegalArgumentException("reason source must be rule or model but was " + source);
    }
  }

  /** A rule's reason. */
  public Reason(String code, String detail, double contribution) {
    this(code, detail, contribution, RULE);
  }

  /** Whether a model gave this reason. */
  public boolean fromModel() {
    return MODEL.equals(source);
  }
}
