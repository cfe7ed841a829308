package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private final List<City> cities = CityCatalog.all();
  private final List<Merchant> merchants = MerchantCatalog.all();

  @Test
  void shouldOfferAboutFortyDistinctCitiesOnEveryContinent() {
    assertThat(cities).hasSizeBetween(35, 50);
    assertThat(cities).extracting(City::name).doesNotHaveDuplicates();
    assertThat(cities.stream().map(City::continent).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Continent.values());
  }

  @Test
  void shouldDescribeCitiesWithIsoCodesAndPlausibleOffsets() {
    assertThat(cities)
        .allSatisfy(
            city -> {
              assertThat(city.country()).matches("[A-Z]{2}");
              assertThat(city.currency()).matches("[A-Z]{3}");
              assertThat(city.utcOffsetHours()).isBetween(-12.0, 14.0);
            });
  }

  @Test
  void shouldOfferEveryCityADestinationOnAnotherContinentAtLeast3000KmAway() {
    for (City home : cities) {
      assertThat(cities)
          .as("far destinations from %s", home.name())
          .anySatisfy(
              city -> {
                assertThat(city.continent()).isNotEqualTo(home.continent());
                assertThat(Haversine.km(home.latitude(), home.longitude(), city))
                    .isGreaterThan(3_000);
              });
    }
  }

  @Test
  void shouldOfferAboutSixtyMerchantsAcrossEveryCategory() {
    assertThat(merchants).hasSizeBetween(50, MerchantCatalog.MAX_MERCHANTS);
    assertThat(merchants).extracting(Merchant::name).doesNotHaveDuplicates();
    assertThat(merchants.stream().map(Merchant::category).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(MerchantCategory.values());
  }

  @Test
  void shouldServeEveryChannelAndPayCashOnlyAtAtms() {
    assertThat(merchants.stream().map(Merchant::typicalChannel).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(Channel.class));
    assertThat(merchants)
        .allSatisfy(
            m ->
                assertThat(m.typicalChannel() == Channel.ATM)
                    .isEqualTo(m.category() == MerchantCategory.ATM_CASH));
  }

  @Test
  void shouldUseSnakeCaseWireNamesForCategories() {
    assertThat(MerchantCategory.GIFT_CARDS.wireName()).isEqualTo("gift_cards");
    assertThat(MerchantCategory.ATM_CASH.wireName()).isEqualTo("atm_cash");
    assertThat(MerchantCategory.values())
        .allSatisfy(c -> assertThat(c.wireName()).matches("[a-z]+(_[a-z]+)*"));
  }
}
