/**
 * How things are written as bytes: the JSON wire format of events (how a {@link
 * io.streamsentinel.domain.Transaction} is written and read, and what makes a record on the wire
 * unreadable), decisions and alerts, the responder's user actions, the compact binary form of a
 * {@link io.streamsentinel.detection.UserProfile} in the state store, and rule files. The
 * per-record formats are pure and allocation-lean (Jackson's streaming API, hand-written binary);
 * only rule files, read once at start-up, use Jackson databind. Knows nothing of Kafka, so serdes
 * and the generator wrap it instead of re-implementing it.
 */
package io.streamsentinel.codec;
