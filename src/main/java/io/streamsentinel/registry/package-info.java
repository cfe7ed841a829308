/**
 * The model registry: every trained model version with its bytes, checksum, training window, label
 * counts, holdout figures and input schema, on the compacted topic {@code fraud-models}; the
 * champion's promotion and retirement; the published rule sets on {@code fraud-rules}; the
 * operators' rule snoozes on {@code fraud-rule-snoozes}; and the watchers through which every
 * detector instance follows the champion, the rule set in force and the snoozes without restart.
 * Shared infrastructure: training and operators write it, the detector reads it.
 */
package io.streamsentinel.registry;
