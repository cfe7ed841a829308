package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.Habits;
import io.streamsentinel.detection.Novelty;
import io.streamsentinel.detection.RecentIds;
import io.streamsentinel.detection.RecentSet;
import io.streamsentinel.detection.SlidingWindows;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserProfileCodecTest {

  private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  /** A profile after {@code count} varied transactions, one every {@code gap}, with a late one. */
  static UserProfile busyProfile(int count, Duration gap) {
    Random random = new Random(7);
    UserProfile profile = UserProfile.empty("user_ü_001");
    for (int i = 0; i < count; i++) {
      Instant time = START.plus(gap.multipliedBy(i));
      if (i % 17 == 5) {
        time = time.minus(Duration.ofMinutes(30)); // late
      }
      Transaction.Builder tx =
          Transaction.builder()
              .transactionId("tx_" + i)
              .userId("user_ü_001")
              .amount(BigDecimal.valueOf(1 + random.nextInt(50_000), 2))
              .timestamp(time)
              .merchant("merchant " + random.nextInt(60))
              .merchantCategory("category_" + random.nextInt(20))
              .country(i % 9 == 0 ? null : "C" + random.nextInt(10))
              .deviceId("device-" + random.nextInt(12))
              .channel(Channel.ONLINE);
      if (i % 3 != 0) {
        tx.latitude(-60 + random.nextDouble() * 120).longitude(-170 + random.nextDouble() * 340);
      }
      profile =
          profile
              .with(tx.build())
              .withSeen(RecentIds.hash("tx_" + i), time.toEpochMilli(), DAY_MILLIS);
    }
    return profile;
  }

  @Test
  void shouldRoundTripAnEmptyProfile() {
    UserProfile empty = UserProfile.empty("user_001");

    assertThat(UserProfileCodec.decode(UserProfileCodec.encode(empty))).isEqualTo(empty);
  }

  @Test
  void shouldRoundTripABusyProfileExactly() {
    UserProfile profile = busyProfile(500, Duration.ofMinutes(7));

    UserProfile decoded = UserProfileCodec.decode(UserProfileCodec.encode(profile));

    assertThat(decoded).isEqualTo(profile);
    assertThat(decoded.amounts().mean()).isEqualTo(profile.amounts().mean());
    assertThat(decoded.lastPlace()).isEqualTo(profile.lastPlace());
    assertThat(decoded.hours()).isEqualTo(profile.hours());
  }

  @Test
  void shouldRoundTripFullWindows() {
    UserProfile profile = busyProfile(SlidingWindows.CAPACITY + 40, Duration.ofSeconds(20));

    assertThat(profile.windows().size()).isEqualTo(SlidingWindows.CAPACITY);
    assertThat(UserProfileCodec.decode(UserProfileCodec.encode(profile))).isEqualTo(profile);
  }

  @Test
  void shouldWriteTheSameBytesWithAReusedEncoderWhateverCameBefore() {
    UserProfile worst = busyProfile(SlidingWindows.CAPACITY + 40, Duration.ofSeconds(20));
    UserProfile typical = busyProfile(30, Duration.ofHours(5));
    UserProfile empty = UserProfile.empty("u");
    UserProfileCodec.Encoder encoder = new UserProfileCodec.Encoder();

    for (UserProfile profile : new UserProfile[] {typical, worst, empty, typical, worst}) {
      assertThat(encoder.encode(profile)).isEqualTo(UserProfileCodec.encode(profile));
    }
  }

  @Test
  void shouldStaySmall() {
    UserProfile typical = busyProfile(30, Duration.ofHours(5));
    UserProfile worst = busyProfile(SlidingWindows.CAPACITY + 40, Duration.ofSeconds(20));

    assertThat(UserProfileCodec.encode(typical).length).isLessThan(1_000);
    assertThat(UserProfileCodec.encode(worst).length).isLessThan(6_000);
  }

  @Test
  void shouldStartWithTheFormatByte() {
    assertThat(UserProfileCodec.encode(UserProfile.empty("u"))[0])
        .isEqualTo(UserProfileCodec.FORMAT_V4);
  }

  @Test
  void shouldRoundTripTheNoveltyCounts() {
    UserProfile profile = busyProfile(30, Duration.ofHours(5));

    Novelty read = UserProfileCodec.decode(UserProfileCodec.encode(profile)).novelty();

    assertThat(read).isEqualTo(profile.novelty());
    assertThat(read.count()).isEqualTo(30);
    assertThat(read.newMerchants()).isPositive().isLessThan(30);
    assertThat(read.newDevices()).isPositive().isLessThan(30);
    assertThat(read.sinceEpochMillis()).isEqualTo(START.toEpochMilli());
  }

  @Test
  void shouldReadAFormatThreeProfileWithEmptyNoveltyCounts() {
    UserProfile profile = busyProfile(30, Duration.ofHours(5));
    UserProfile withoutNovelty = withNovelty(profile, Novelty.EMPTY);
    byte[] v4 = UserProfileCodec.encode(withoutNovelty);
    // Format 3 is format 4 without the novelty counts (three zero counts of one byte each).
    byte[] v3 = java.util.Arrays.copyOf(v4, v4.length - EMPTY_NOVELTY_BYTES);
    v3[0] = UserProfileCodec.FORMAT_V3;

    UserProfile read = UserProfileCodec.decode(v3);

    assertThat(read).isEqualTo(withoutNovelty);
    assertThat(read.novelty()).isEqualTo(Novelty.EMPTY);
    assertThat(read.habits()).isEqualTo(profile.habits());
    assertThat(read.habits().count()).isEqualTo(30);
    // and counting starts afresh on the next transaction
    assertThat(read.with(nextTransaction()).novelty().count()).isEqualTo(1);
  }

  private static Transaction nextTransaction() {
    return Transaction.builder()
        .transactionId("tx_next")
        .userId("user_ü_001")
        .amount(BigDecimal.TEN)
        .timestamp(START.plus(Duration.ofDays(30)))
        .merchant("merchant 1")
        .build();
  }

  private static UserProfile withNovelty(UserProfile p, Novelty novelty) {
    return rebuilt(p, p.seenIds(), p.habits(), novelty);
  }

  @Test
  void shouldRoundTripTheHabits() {
    UserProfile profile = busyProfile(30, Duration.ofHours(5));

    Habits read = UserProfileCodec.decode(UserProfileCodec.encode(profile)).habits();

    assertThat(read).isEqualTo(profile.habits());
    assertThat(read.count()).isEqualTo(30);
    assertThat(read.places()).isEqualTo(20);
    assertThat(read.online()).isEqualTo(30);
  }

  @Test
  void shouldReadAFormatTwoProfileWithEmptyHabits() {
    UserProfile profile = busyProfile(30, Duration.ofHours(5));
    UserProfile withoutHabits = withoutIdsOrHabits(profile, profile.seenIds());
    byte[] v4 = UserProfileCodec.encode(withoutHabits);
    byte[] v2 = java.util.Arrays.copyOf(v4, v4.length - EMPTY_HABITS_BYTES - EMPTY_NOVELTY_BYTES);
    v2[0] = UserProfileCodec.FORMAT_V2;

    UserProfile read = UserProfileCodec.decode(v2);

    assertThat(read).isEqualTo(withoutHabits);
    assertThat(read.habits()).isEqualTo(Habits.EMPTY);
    assertThat(read.seenIds().size()).isPositive();
  }

  @Test
  void shouldReadAProfileWrittenBeforeTheIdsMovedIn() {
    UserProfile profile = busyProfile(30, Duration.ofHours(5));
    UserProfile withoutIds =
        UserProfileCodec.decode(
            UserProfileCodec.encode(withoutIdsOrHabits(profile, RecentIds.empty())));
    byte[] v4 = UserProfileCodec.encode(withoutIds);
    // Format 1 is format 4 without the trailing id count (0 here, one byte), empty habits and
    // empty novelty counts.
    byte[] v1 =
        java.util.Arrays.copyOf(v4, v4.length - 1 - EMPTY_HABITS_BYTES - EMPTY_NOVELTY_BYTES);
    v1[0] = UserProfileCodec.FORMAT_V1;

    UserProfile read = UserProfileCodec.decode(v1);

    assertThat(read).isEqualTo(withoutIds);
    assertThat(read.seenIds().size()).isZero();
    assertThat(profile.seenIds().size()).isPositive(); // the last day's
  }

  /** Empty habits: six counts of one byte each, two doubles. */
  private static final int EMPTY_HABITS_BYTES = 6 + 2 * Double.BYTES;

  /** Empty novelty counts: three counts of one byte each, no time. */
  private static final int EMPTY_NOVELTY_BYTES = 3;

  private static UserProfile withoutIdsOrHabits(UserProfile p, RecentIds ids) {
    return rebuilt(p, ids, Habits.EMPTY, Novelty.EMPTY);
  }

  private static UserProfile rebuilt(UserProfile p, RecentIds ids, Habits habits, Novelty n) {
    return rebuilt(p, p.merchants(), ids, habits, n);
  }

  private static UserProfile rebuilt(
      UserProfile p, RecentSet merchants, RecentIds ids, Habits habits, Novelty n) {
    return new UserProfile(
        p.userId(),
        p.amounts(),
        p.lastEpochMillis(),
        p.lastPlace(),
        merchants,
        p.categories(),
        p.countries(),
        p.devices(),
        p.hours(),
        p.daily(),
        p.windows(),
        ids,
        habits,
        n);
  }

  @Test
  void shouldLetTheLeastRecentGoWhenAStoredSetExceedsItsCapacity() {
    List<String> merchants = new ArrayList<>();
    for (int i = 0; i <= UserProfile.MERCHANTS; i++) {
      merchants.add("m" + i);
    }
    UserProfile overfull =
        withMerchants(UserProfile.empty("u"), RecentSet.of(merchants.size(), merchants));

    UserProfile read = UserProfileCodec.decode(UserProfileCodec.encode(overfull));

    assertThat(read.merchants().values())
        .isEqualTo(merchants.subList(0, UserProfile.MERCHANTS))
        .doesNotContain("m" + UserProfile.MERCHANTS);
    assertThat(read.merchants().capacity()).isEqualTo(UserProfile.MERCHANTS);
  }

  @Test
  void shouldRejectAStoredSetWithANullOrRepeatedValue() {
    byte[] bytes =
        UserProfileCodec.encode(
            withMerchants(UserProfile.empty("u"), RecentSet.of(32, List.of("aa", "bb"))));
    byte[] set = {2, 3, 'a', 'a', 3, 'b', 'b'};

    byte[] repeated = splice(bytes, set, new byte[] {2, 3, 'a', 'a', 3, 'a', 'a'});
    byte[] withNull = splice(bytes, set, new byte[] {2, 3, 'a', 'a', 0});

    assertThatThrownBy(() -> UserProfileCodec.decode(repeated))
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageContaining("duplicate value at 1");
    assertThatThrownBy(() -> UserProfileCodec.decode(withNull))
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageContaining("null or duplicate value at 1");
    assertThat(UserProfileCodec.decode(splice(bytes, set, set)).merchants().values())
        .containsExactly("aa", "bb");
  }

  private static UserProfile withMerchants(UserProfile p, RecentSet merchants) {
    return rebuilt(p, merchants, p.seenIds(), p.habits(), p.novelty());
  }

  /** {@code bytes} with its only occurrence of {@code part} replaced by {@code replacement}. */
  private static byte[] splice(byte[] bytes, byte[] part, byte[] replacement) {
    int at = -1;
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        assertThat(at).as("one occurrence").isEqualTo(-1);
        at = i;
      }
    }
    assertThat(at).as("occurrence").isNotNegative();
    byte[] out = new byte[bytes.length - part.length + replacement.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(replacement, 0, out, at, replacement.length);
    System.arraycopy(
        bytes, at + part.length, out, at + replacement.length, bytes.length - at - part.length);
    return out;
  }

  @Test
  void shouldRejectAnUnknownFormat() {
    byte[] bytes = UserProfileCodec.encode(UserProfile.empty("u"));
    bytes[0] = 99;

    assertThatThrownBy(() -> UserProfileCodec.decode(bytes))
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageContaining("unknown profile format 99");
  }

  @Test
  void shouldRejectEmptyTruncatedAndPaddedRecords() {
    byte[] bytes = UserProfileCodec.encode(busyProfile(40, Duration.ofMinutes(3)));

    assertThatThrownBy(() -> UserProfileCodec.decode(new byte[0]))
        .isInstanceOf(ProfileFormatException.class);
    for (int length = 1; length < bytes.length; length += 7) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> UserProfileCodec.decode(truncated))
          .as("truncated to %d bytes", length)
          .isInstanceOf(ProfileFormatException.class);
    }
    assertThatThrownBy(() -> UserProfileCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void shouldRejectAKnownPlaceWithoutCoordinatesWhichWouldBeWrittenBackAsUnknown() {
    UserProfile profile = busyProfile(2, Duration.ofHours(1));
    byte[] bytes = UserProfileCodec.encode(profile);
    byte[] latitude = new byte[Long.BYTES];
    long bits = Double.doubleToRawLongBits(profile.lastPlace().latitude());
    for (int i = 0; i < latitude.length; i++) {
      latitude[i] = (byte) (bits >>> (56 - 8 * i));
    }
    int at = indexOf(bytes, latitude);
    byte[] nan = bytes.clone();
    nan[at] = (byte) 0x7f;
    nan[at + 1] = (byte) 0xf8;

    assertThatThrownBy(() -> UserProfileCodec.decode(nan))
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageStartingWith("last place has no coordinates: NaN, ");
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
