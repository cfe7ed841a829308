package io.streamsentinel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountBucketsTest {

  private static String bucket(String amount) {
    return AmountBuckets.bucketOf(new BigDecimal(amount));
  }

  @Test
  void shouldPutAnAmountInTheBucketWhoseLowerEdgeIsInclusive() {
    assertThat(bucket("0.01")).isEqualTo("0-10");
    assertThat(bucket("9.99")).isEqualTo("0-10");
    assertThat(bucket("10")).isEqualTo("10-50");
    assertThat(bucket("10.00")).isEqualTo("10-50");
    assertThat(bucket("99.999")).isEqualTo("50-100");
    assertThat(bucket("500")).isEqualTo("500-1000");
    assertThat(bucket("4999.99")).isEqualTo("1000-5000");
    assertThat(bucket("5000")).isEqualTo("5000+");
    assertThat(bucket("1000000")).isEqualTo("5000+");
  }

  @Test
  void shouldListTheBucketsSmallestFirst() {
    assertThat(AmountBuckets.labels())
        .containsExactly("0-10", "10-50", "50-100", "100-500", "500-1000", "1000-5000", "5000+");
    assertThat(AmountBuckets.order("0-10")).isLessThan(AmountBuckets.order("5000+"));
    assertThat(AmountBuckets.order("nonsense")).isEqualTo(Integer.MAX_VALUE);
  }
}
