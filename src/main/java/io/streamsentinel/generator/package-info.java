/**
 * The synthetic world the demo runs on: seeded users with realistic habits (home city, typical
 * spend, active hours, favourite merchants, devices) and an endless, reproducible stream of their
 * card transactions with injected, labelled fraud patterns. Owns the city and merchant catalogs,
 * the simulated clock and what each fraud pattern looks like. There is more than one {@link
 * io.streamsentinel.generator.World}: the default one, which detection is tuned on, and five others
 * (harbor, fjord, mesa, savanna and steppe classes), each with its own people, spending and fraud;
 * harbor, fjord, mesa and savanna have been measured and are now tuned on, steppe has been measured
 * once, blind, and is not tuned on. The segmented worlds share their population draw, pattern
 * starts, victim picks and event placing.
 *
 * <p>The simulation ({@link io.streamsentinel.generator.TransactionSimulator} and what it uses) is
 * pure: no Kafka, no I/O, no threads and no wall clock. {@link
 * io.streamsentinel.generator.TransactionPublisher} paces it onto a producer, and {@link
 * io.streamsentinel.generator.GeneratorService} runs that as the generator stage on its own thread.
 */
package io.streamsentinel.generator;
