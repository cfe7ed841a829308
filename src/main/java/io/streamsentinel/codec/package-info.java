/**
 * The JSON wire format of events: how a {@link io.streamsentinel.domain.Transaction} is written to
 * and read from bytes, and what makes a record on the wire unreadable. Pure and allocation-lean
 * (Jackson's streaming API, no databind); knows nothing of Kafka, so serdes and the generator wrap
 * it instead of re-implementing it.
 */
package io.streamsentinel.codec;
