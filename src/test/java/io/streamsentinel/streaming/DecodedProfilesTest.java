package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.bench.MerchantBranches;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.UserProfileCodec;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.RecentIds;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecodedProfilesTest {

  private static final UserProfile A = UserProfile.empty("a");
  private static final UserProfile B = UserProfile.empty("b");

  @Test
  void shouldServeAProfileOnlyWhileTheStoreHoldsExactlyItsBytes() {
    DecodedProfiles cache = new DecodedProfiles(4);
    byte[] written = UserProfileCodec.encode(A);
    cache.put("a", written, A);

    assertThat(cache.get("a", written.clone())).as("the same bytes, read back").isSameAs(A);
    byte[] rewritten = written.clone();
    rewritten[rewritten.length - 1] ^= 1;
    assertThat(cache.get("a", rewritten)).as("bytes written by someone else").isNull();
    assertThat(cache.get("b", written)).as("another user").isNull();
  }

  @Test
  void shouldForgetTheLeastRecentlyUsedProfileFirst() {
    DecodedProfiles cache = new DecodedProfiles(2);
    byte[] a = UserProfileCodec.encode(A);
    byte[] b = UserProfileCodec.encode(B);
    cache.put("a", a, A);
    cache.put("b", b, B);
    cache.get("a", a); // a used after b

    cache.put("c", a, A);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b", b)).isNull();
    assertThat(cache.get("a", a)).isSameAs(A);
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThatThrownBy(() -> new DecodedProfiles(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  /**
   * The cache hands the detector the profile object it wrote instead of the profile read back from
   * its bytes. That changes nothing only if the two decide alike: for every transaction of a busy
   * stream (users with many merchants, events out of order, one dated far ahead), the decision and
   * the next profile's bytes are the same from either.
   */
  @Test
  void shouldDecideFromTheProfileItWroteAsFromTheProfileReadBack() {
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(7, 40, 0.02, Instant.parse("2026-03-01T00:00:00Z")));
    MerchantBranches branches = new MerchantBranches(16, 7);
    List<Transaction> stream = new ArrayList<>();
    for (int i = 0; i < 8_000; i++) {
      stream.add(branches.apply(simulator.next()));
    }
    Random random = new Random(7);
    for (int from = 0; from + 40 <= stream.size(); from += 40) {
      Collections.shuffle(stream.subList(from, from + 40), random); // late events
    }
    Transaction ahead = stream.get(4_000);
    stream.set(
        4_000, ahead.toBuilder().timestamp(ahead.timestamp().plus(Duration.ofDays(30))).build());
    long window = Duration.ofDays(1).toMillis();
    Map<String, UserProfile> written = new HashMap<>();
    int full = 0;
    for (Transaction tx : stream) {
      UserProfile inMemory = written.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      UserProfile readBack = UserProfileCodec.decode(UserProfileCodec.encode(inMemory));

      FraudDetector.Assessment fromMemory = detector.assess(tx, inMemory, AccountStatus.ACTIVE);
      FraudDetector.Assessment fromBytes = detector.assess(tx, readBack, AccountStatus.ACTIVE);

      assertThat(DecisionCodec.encodeDecision(fromMemory.decision(), tx))
          .as("decision on %s", tx.transactionId())
          .isEqualTo(DecisionCodec.encodeDecision(fromBytes.decision(), tx));
      long time = tx.timestamp().toEpochMilli();
      long id = RecentIds.hash(tx.transactionId());
      UserProfile after = fromMemory.profile().withSeen(id, time, window);
      assertThat(UserProfileCodec.encode(after))
          .as("profile after %s", tx.transactionId())
          .isEqualTo(UserProfileCodec.encode(fromBytes.profile().withSeen(id, time, window)));
      written.put(tx.userId(), after);
      full += after.merchants().size() == UserProfile.MERCHANTS ? 1 : 0;
    }
    assertThat(full).as("decisions on profiles with a full merchant set").isGreaterThan(4_000);
  }
}
