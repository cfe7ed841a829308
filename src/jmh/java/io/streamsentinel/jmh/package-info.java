/**
 * JMH micro-benchmarks of the per-transaction hot path: feature extraction and scoring, the JSON
 * codecs and the profile update. Built and run only with the {@code jmh} Maven profile (see the
 * README, Performance); never part of {@code mvn verify}.
 */
package io.streamsentinel.jmh;
