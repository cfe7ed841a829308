/**
 * How things are written as bytes: the JSON wire format of events (how a {@link
 * io.streamsentinel.domain.Transaction} is written and read, and what makes a record on the wire
 * unreadable), decisions and alerts, the responder's user actions, the compact binary form of a
 * {@link io.streamsentinel.detection.UserProfile} in the state store, and rule files. The measured
 * per-record formats (transactions, decisions, profiles) are pure and allocation-lean (transactions
 * in the form our writers send read straight from their bytes and any other form with Jackson's
 * streaming API, decisions written straight into bytes, profiles in a hand-written binary form);
 * the responder's events (alerts as the policy reads them, user actions, account status) and rule
 * files use Jackson databind with {@link io.streamsentinel.codec.Json}, the one convention for
 * cold-path JSON. Knows nothing of Kafka, so serdes and the generator wrap it instead of
 * re-implementing it.
 */
package io.streamsentinel.codec;
