package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.util.Objects;

/**
 * A merchant of the catalog. Nothing is null.
 *
 * @param name merchant name as it appears on the wire
 * @param category what it sells
 * @param typicalChannel how its customers usually pay
 */
public record Merchant(String name, MerchantCategory category, Channel typicalChannel) {

  public Merchant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(typicalChannel, "typicalChannel");
  }
}
