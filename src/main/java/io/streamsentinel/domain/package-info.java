/**
 * The events of the system as immutable, validated records. Owns what a transaction is and what
 * makes one invalid; knows nothing of Kafka, JSON, databases or HTTP (enforced by an architecture
 * test).
 */
package io.streamsentinel.domain;
