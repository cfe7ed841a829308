package io.streamsentinel.analytics;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.domain.Severity;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** A way of slicing decisions into buckets; its {@link #key()} is the stored dimension name. */
public enum Dimension {
  MERCHANT_CATEGORY("merchant_category", d -> orUnknown(d.merchantCategory())),
  COUNTRY("country", d -> orUnknown(d.country())),
  /** UTC hour of the transaction's event time, {@code "00"} to {@code "23"}. */
  HOUR_OF_DAY(
      "hour_of_day",
      d -> String.format(Locale.ROOT, "%02d", d.eventTime().atZone(ZoneOffset.UTC).getHour())),
  AMOUNT_BUCKET("amount_bucket", d -> AmountBuckets.bucketOf(d.amount())),
  SEVERITY("severity", d -> d.severity().name());

  /** The bucket of a decision whose input had no value for the dimension. */
  public static final String UNKNOWN = "unknown";

  private final String key;
  private final Function<DecisionDocument, String> bucket;

  Dimension(String key, Function<DecisionDocument, String> bucket) {
    this.key = key;
    this.bucket = bucket;
  }

  /** The dimension's name in the tables and reports (snake_case). */
  public String key() {
    return key;
  }

  /** The bucket {@code decision} falls in. */
  public String bucketOf(DecisionDocument decision) {
    return bucket.apply(decision);
  }

  /**
   * The dimension of a stored name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Dimension ofKey(String key) {
    for (Dimension d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dimension '" + key + "'");
  }

  /**
   * How a report lists the buckets: hours and amounts in their natural order, severities most
   * severe first, categories and countries by volume.
   */
  public Comparator<BucketStats> reportOrder() {
    Comparator<BucketStats> byName = Comparator.comparing(BucketStats::bucket);
    return switch (this) {
      case HOUR_OF_DAY -> byName;
      case AMOUNT_BUCKET -> Comparator.comparingInt(b -> AmountBuckets.order(b.bucket()));
      case SEVERITY -> Comparator.comparingInt(b -> severityOrder(b.bucket()));
      case MERCHANT_CATEGORY, COUNTRY ->
          Comparator.comparingLong((BucketStats b) -> b.counts().transactions())
              .reversed()
              .thenComparing(byName);
    };
  }

  private static int severityOrder(String name) {
    try {
      return Severity.valueOf(name).ordinal();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value;
  }
}
