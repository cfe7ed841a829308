package io.streamsentinel.monitoring;

/**
 * One rule's verdict on a sample.
 *
 * @param value the figure the rule compared, NaN when not measured
 * @param measured whether the rule could judge at all (an unmeasured rule never fires)
 */
public record RuleResult(
    HealthRule rule, boolean firing, double value, double threshold, boolean measured) {}
