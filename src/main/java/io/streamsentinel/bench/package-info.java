/**
 * Benchmarks run by {@code sentinel bench}: each stage measured against Kafka's own ceiling (a
 * trivial stage of the same kind) in the same invocation, so the figures are ratios that survive a
 * noisy, shared machine. {@code detect --cold} runs each stage in a fresh JVM of its own ({@link
 * io.streamsentinel.bench.StandaloneStage}, started through the hidden {@code bench stage}) and
 * times it from outside, by its committed offsets ({@code ColdDrain}).
 */
package io.streamsentinel.bench;
