/**
 * The synthetic world the demo runs on: seeded users with realistic habits (home city, typical
 * spend, active hours, favourite merchants, devices) and an endless, reproducible stream of their
 * card transactions with injected, labelled fraud patterns. Owns the city and merchant catalogs,
 * the simulated clock and what each fraud pattern looks like.
 *
 * <p>Pure: no Kafka, no I/O, no threads and no wall clock. Pacing the stream and producing it to
 * Kafka is the caller's job; {@link io.streamsentinel.generator.TransactionSimulator} is the entry
 * point.
 */
package io.streamsentinel.generator;
