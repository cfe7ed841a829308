package io.streamsentinel.codec;

import io.streamsentinel.domain.Transaction;
import java.util.Objects;

/**
 * Encodes transactions one after another into one reused buffer, for a thread that encodes a stream
 * of them (the generator's send loop). The bytes are exactly those of {@link
 * TransactionCodec#encode}.
 *
 * <p>Not thread-safe: one encoder per thread. Get one from {@link TransactionCodec#newEncoder()}.
 */
public final class TransactionEncoder {

  /** Larger than nearly every transaction, so the buffer rarely grows. */
  private static final int CAPACITY = 1_024;

  private final JsonBytes out = new JsonBytes(CAPACITY);

  TransactionEncoder() {}

  /**
   * The UTF-8 JSON of the transaction, as {@link TransactionCodec#encode} writes it.
   *
   * @param tx never null
   * @return a new array the caller owns
   */
  public byte[] encode(Transaction tx) {
    Objects.requireNonNull(tx, "tx");
    TransactionWriter.write(out.reset(), tx);
    return out.toByteArray();
  }
}
