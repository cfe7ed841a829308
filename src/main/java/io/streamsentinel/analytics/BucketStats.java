package io.streamsentinel.analytics;

/** One bucket of one dimension with its counts, as stored and reported. */
public record BucketStats(Dimension dimension, String bucket, BucketCounts counts)
    implements Comparable<BucketStats> {

  /**
   * By dimension, then bucket name: the order rows are written in (avoids lock-order deadlocks).
   */
  @Override
  public int compareTo(BucketStats o) {
    int byDimension = dimension.compareTo(o.dimension);
    return byDimension != 0 ? byDimension : bucket.compareTo(o.bucket);
  }
}
