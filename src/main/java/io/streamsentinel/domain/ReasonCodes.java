package io.streamsentinel.domain;

/**
 * The reason codes the system itself gives, each spelled once. Rules name their own codes in the
 * rule file.
 */
public final class ReasonCodes {

  /**
   * Every transaction of a blocked account: enforcement of an earlier decision, not detection (so
   * quality figures leave it out, and the responder does not act on it again).
   */
  public static final String ACCOUNT_BLOCKED = "ACCOUNT_BLOCKED";

  /** Added while the account requires step-up authentication. */
  public static final String STEP_UP_REQUIRED = "STEP_UP_REQUIRED";

  /** Added to an escalated action's reasons, so the audit trail says why the tier is higher. */
  public static final String REPEAT_OFFENDER = "REPEAT_OFFENDER";

  /** The reason of every manual action; the operator's own words go in the note. */
  public static final String MANUAL_OVERRIDE = "MANUAL_OVERRIDE";

  private ReasonCodes() {}
}
