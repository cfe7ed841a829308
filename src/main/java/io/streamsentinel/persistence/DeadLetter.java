package io.streamsentinel.persistence;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record the sink could not store, and why. */
record DeadLetter(ConsumerRecord<String, byte[]> record, String problem) {}
