package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticUserTest {

  private static final List<SyntheticUser> USERS = users(11, 3_000);

  @Test
  void shouldNumberUsersByIndexWithZeroPaddedIds() {
    assertThat(USERS).hasSize(3_000);
    assertThat(USERS.get(0).userId()).isEqualTo("user_test_000000");
    assertThat(USERS.get(123).userId()).isEqualTo("user_test_000123");
    assertThat(USERS.get(2_999).userId()).isEqualTo("user_test_002999");
  }

  @Test
  void shouldWidenIdsBeyondSixDigitsOnlyWhenNeeded() {
    assertThat(UserFactory.userId("ab12", 1_234_567, 7)).isEqualTo("user_ab12_1234567");
  }

  @Test
  void shouldNameEachSeedsPopulationWithSixCharacters() {
    Set<String> tags = new HashSet<>();
    for (long seed = 0; seed < 100_000; seed++) {
      String tag = UserFactory.populationTag(seed);
      assertThat(tag).matches("[0-9a-z]{6}");
      tags.add(tag);
    }
    assertThat(tags).as("nearby seeds get different tags").hasSizeGreaterThan(99_990);
    assertThat(UserFactory.populationTag(42)).isEqualTo(UserFactory.populationTag(42));
  }

  @Test
  void shouldGiveTwoSeedsDisjointUsers() {
    GeneratorSettings first = new GeneratorSettings(1, 100, 0.0, Instant.EPOCH);
    GeneratorSettings second = new GeneratorSettings(2, 100, 0.0, Instant.EPOCH);
    Set<String> ids = new HashSet<>();
    new TransactionSimulator(first).users().forEach(u -> ids.add(u.userId()));
    new TransactionSimulator(second)
        .users()
        .forEach(u -> assertThat(ids).doesNotContain(u.userId()));
  }

  @Test
  void shouldLiveNearTheHomeCity() {
    assertThat(USERS)
        .allSatisfy(
            u ->
                assertThat(Haversine.km(u.homeLatitude(), u.homeLongitude(), u.homeCity()))
                    .isLessThan(20));
    assertThat(USERS.get(0).utcOffset()).isEqualTo(USERS.get(0).homeCity().utcOffset());
  }

  @Test
  void shouldSpendTypicallyBetween15And150ForMostUsers() {
    long inRange =
        USERS.stream()
            .map(SyntheticUser::typicalAmount)
            .filter(a -> a.compareTo(BigDecimal.valueOf(15)) >= 0)
            .filter(a -> a.compareTo(BigDecimal.valueOf(150)) <= 0)
            .count();
    assertThat(inRange).isGreaterThan(USERS.size() * 8 / 10);
    assertThat(USERS)
        .allSatisfy(
            u -> {
              assertThat(u.typicalAmount().scale()).isEqualTo(2);
              assertThat(u.typicalAmount()).isBetween(BigDecimal.ONE, BigDecimal.valueOf(1_000));
              assertThat(u.amountSpread()).isBetween(0.25, 0.7);
            });
  }

  @Test
  void shouldBeActiveFromMorningToEvening() {
    assertThat(USERS)
        .allSatisfy(
            u -> {
              assertThat(u.activeStartHour()).isBetween(6, 10);
              assertThat(u.activeEndHour()).isBetween(19, 23);
            });
  }

  @Test
  void shouldHaveFavouritesDevicesCardAndHabitsWithinDocumentedRanges() {
    assertThat(USERS)
        .allSatisfy(
            u -> {
              assertThat(u.favouriteMerchants()).hasSizeBetween(3, 8).doesNotHaveDuplicates();
              assertThat(u.deviceIds()).hasSizeBetween(1, 2).doesNotHaveDuplicates();
              assertThat(u.deviceIds()).allSatisfy(d -> assertThat(d).matches("dev_[0-9a-f]{12}"));
              assertThat(u.cardLast4()).matches("[0-9]{4}");
              assertThat(u.onlineShare()).isBetween(0.0, 1.0);
              assertThat(u.dailyRate()).isBetween(1.0, 12.0);
            });
  }

  @Test
  void shouldDrawTheSameUsersFromTheSameSeed() {
    assertThat(users(11, 3_000)).isEqualTo(USERS);
    assertThat(users(12, 3_000)).isNotEqualTo(USERS);
  }

  private static List<SyntheticUser> users(long seed, int count) {
    return new UserFactory(new SplittableRandom(seed), "test").create(count);
  }

  @Test
  void shouldRejectActiveHoursThatEndBeforeTheyStart() {
    SyntheticUser user = USERS.get(0);
    assertThatThrownBy(
            () ->
                new SyntheticUser(
                    user.userId(),
                    user.homeCity(),
                    user.homeLatitude(),
                    user.homeLongitude(),
                    user.typicalAmount(),
                    user.amountSpread(),
                    20,
                    8,
                    user.favouriteMerchants(),
                    user.deviceIds(),
                    user.cardLast4(),
                    user.onlineShare(),
                    user.dailyRate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("active hours");
  }
}
