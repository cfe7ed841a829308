package io.streamsentinel.monitoring;

/**
 * One rule's verdict on a sample.
 *
 * @param value the figure the rule compared, NaN when not measured
 * @param measured whether the rule could judge at all (an unmeasured rule never fires)
 * @param detail what the value is of, when the rule looks at several (the drift rule names the
 *     input or score that drifted most); null otherwise
 */
public record RuleResult(
    HealthRule rule,
    boolean firing,
    double value,
    double threshold,
    boolean measured,
    String detail) {

  /** A verdict on a single figure. */
  public RuleResult(
      HealthRule rule, boolean firing, double value, double threshold, boolean measured) {
    this(rule, firing, value, threshold, measured, null);
  }
}
