package io.streamsentinel.generator;

/**
 * A transaction ready to send: its key, its encoded value and its fraud label for the counters.
 *
 * @param userId the record key; never null
 * @param value the encoded transaction; never null
 * @param fraudPattern the ground-truth label, null for a legitimate transaction
 */
record EncodedTransaction(String userId, byte[] value, String fraudPattern) {}
