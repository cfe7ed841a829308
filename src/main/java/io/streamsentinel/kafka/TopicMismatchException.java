package io.streamsentinel.kafka;

import java.util.List;

/**
 * The cluster's topics differ from the catalog (partitions, cleanup policy): nothing should run on
 * them until the user fixes one or the other. The CLI reports each difference and exits with 3.
 */
public final class TopicMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The advice printed after the differences. */
  public static final String ADVICE =
      "The cluster's topics differ from the catalog. Delete and re-create them, or set"
          + " topics.<name>.partitions in --config to match.";

  private final transient List<TopicProvisioner.Mismatch> mismatches;

  public TopicMismatchException(List<TopicProvisioner.Mismatch> mismatches) {
    super(mismatches.size() + " topic(s) differ from the catalog: " + mismatches);
    this.mismatches = List.copyOf(mismatches);
  }

  public List<TopicProvisioner.Mismatch> mismatches() {
    return mismatches;
  }
}
