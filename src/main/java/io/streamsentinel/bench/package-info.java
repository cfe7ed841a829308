/**
 * Benchmarks run by {@code sentinel bench}: each stage measured against Kafka's own ceiling (a
 * trivial stage of the same kind) in the same invocation, so the figures are ratios that survive a
 * noisy, shared machine.
 */
package io.streamsentinel.bench;
