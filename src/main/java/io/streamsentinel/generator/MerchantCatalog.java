package io.streamsentinel.generator;

import static io.streamsentinel.domain.Channel.ATM;
import static io.streamsentinel.domain.Channel.CARD_PRESENT;
import static io.streamsentinel.domain.Channel.ONLINE;
import static io.streamsentinel.generator.MerchantCategory.ATM_CASH;
import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.ENTERTAINMENT;
import static io.streamsentinel.generator.MerchantCategory.FASHION;
import static io.streamsentinel.generator.MerchantCategory.FUEL;
import static io.streamsentinel.generator.MerchantCategory.GIFT_CARDS;
import static io.streamsentinel.generator.MerchantCategory.GROCERY;
import static io.streamsentinel.generator.MerchantCategory.JEWELRY;
import static io.streamsentinel.generator.MerchantCategory.ONLINE_SERVICES;
import static io.streamsentinel.generator.MerchantCategory.PHARMACY;
import static io.streamsentinel.generator.MerchantCategory.RESTAURANTS;
import static io.streamsentinel.generator.MerchantCategory.TRAVEL;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fixed catalog of merchants, five per category. Fraud patterns draw from the same catalog as
 * normal spending so that a merchant name never gives a label away.
 */
public final class MerchantCatalog {

  private static final List<Merchant> ALL =
      List.of(
          new Merchant("Whole Foods", GROCERY, CARD_PRESENT),
          new Merchant("Carrefour", GROCERY, CARD_PRESENT),
          new Merchant("Tesco", GROCERY, CARD_PRESENT),
          new Merchant("Aldi", GROCERY, CARD_PRESENT),
          new Merchant("Trader Joe's", GROCERY, CARD_PRESENT),
          new Merchant("Starbucks", RESTAURANTS, CARD_PRESENT),
          new Merchant("McDonald's", RESTAURANTS, CARD_PRESENT),
          new Merchant("Subway", RESTAURANTS, CARD_PRESENT),
          new Merchant("Nando's", RESTAURANTS, CARD_PRESENT),
          new Merchant("Deliveroo", RESTAURANTS, ONLINE),
          new Merchant("Shell", FUEL, CARD_PRESENT),
          new Merchant("BP", FUEL, CARD_PRESENT),
          new Merchant("Chevron", FUEL, CARD_PRESENT),
          new Merchant("TotalEnergies", FUEL, CARD_PRESENT),
          new Merchant("Esso", FUEL, CARD_PRESENT),
          new Merchant("Best Buy", ELECTRONICS, CARD_PRESENT),
          new Merchant("Apple Store", ELECTRONICS, CARD_PRESENT),
          new Merchant("MediaMarkt", ELECTRONICS, CARD_PRESENT),
          new Merchant("Newegg", ELECTRONICS, ONLINE),
          new Merchant("B&H Photo", ELECTRONICS, ONLINE),
          new Merchant("Tiffany & Co.", JEWELRY, CARD_PRESENT),
          new Merchant("Pandora", JEWELRY, CARD_PRESENT),
          new Merchant("Swarovski", JEWELRY, CARD_PRESENT),
          new Merchant("Cartier", JEWELRY, CARD_PRESENT),
          new Merchant("Blue Nile", JEWELRY, ONLINE),
          new Merchant("Amazon Gift Cards", GIFT_CARDS, ONLINE),
          new Merchant("Apple Gift Card", GIFT_CARDS, ONLINE),
          new Merchant("Steam Wallet", GIFT_CARDS, ONLINE),
          new Merchant("Google Play", GIFT_CARDS, ONLINE),
          new Merchant("Gift Card Mall", GIFT_CARDS, ONLINE),
          new Merchant("Expedia", TRAVEL, ONLINE),
          new Merchant("Booking.com", TRAVEL, ONLINE),
          new Merchant("Delta Air Lines", TRAVEL, ONLINE),
          new Merchant("Airbnb", TRAVEL, ONLINE),
          new Merchant("Uber", TRAVEL, ONLINE),
          new Merchant("Zara", FASHION, CARD_PRESENT),
          new Merchant("H&M", FASHION, CARD_PRESENT),
          new Merchant("Uniqlo", FASHION, CARD_PRESENT),
          new Merchant("Nike", FASHION, CARD_PRESENT),
          new Merchant("ASOS", FASHION, ONLINE),
          new Merchant("CVS Pharmacy", PHARMACY, CARD_PRESENT),
          new Merchant("Walgreens", PHARMACY, CARD_PRESENT),
          new Merchant("Boots", PHARMACY, CARD_PRESENT),
          new Merchant("Watsons", PHARMACY, CARD_PRESENT),
          new Merchant("Rite Aid", PHARMACY, CARD_PRESENT),
          new Merchant("Netflix", ENTERTAINMENT, ONLINE),
          new Merchant("Spotify", ENTERTAINMENT, ONLINE),
          new Merchant("Ticketmaster", ENTERTAINMENT, ONLINE),
          new Merchant("AMC Theatres", ENTERTAINMENT, CARD_PRESENT),
          new Merchant("Cineworld", ENTERTAINMENT, CARD_PRESENT),
          new Merchant("Amazon", ONLINE_SERVICES, ONLINE),
          new Merchant("eBay", ONLINE_SERVICES, ONLINE),
          new Merchant("AliExpress", ONLINE_SERVICES, ONLINE),
          new Merchant("Etsy", ONLINE_SERVICES, ONLINE),
          new Merchant("Google Cloud", ONLINE_SERVICES, ONLINE),
          new Merchant("Citibank ATM", ATM_CASH, ATM),
          new Merchant("HSBC ATM", ATM_CASH, ATM),
          new Merchant("Santander ATM", ATM_CASH, ATM),
          new Merchant("Barclays ATM", ATM_CASH, ATM),
          new Merchant("BNP Paribas ATM", ATM_CASH, ATM));

  /**
   * The simulator remembers which merchants a user has visited in one {@code long} bit set, so the
   * catalog must stay within 64 merchants.
   */
  static final int MAX_MERCHANTS = Long.SIZE;

  static {
    if (ALL.size() > MAX_MERCHANTS) {
      throw new IllegalStateException("merchant catalog exceeds " + MAX_MERCHANTS + " entries");
    }
  }

  /** Catalog index of each merchant: {@code List.indexOf} compares records field by field. */
  private static final Map<Merchant, Integer> INDEX =
      IntStream.range(0, ALL.size())
          .boxed()
          .collect(Collectors.toUnmodifiableMap(ALL::get, i -> i, Math::min));

  private MerchantCatalog() {}

  /** Every merchant, in a fixed order (the order is part of what a seed reproduces). */
  public static List<Merchant> all() {
    return ALL;
  }

  /** Catalog indices of the merchants matching {@code filter}, ascending; a fresh array. */
  static int[] indicesWhere(Predicate<Merchant> filter) {
    return IntStream.range(0, ALL.size()).filter(i -> filter.test(ALL.get(i))).toArray();
  }

  /** Catalog indices per category, indexed by {@link MerchantCategory#ordinal()}; fresh arrays. */
  static int[][] indicesByCategory() {
    MerchantCategory[] categories = MerchantCategory.values();
    int[][] byCategory = new int[categories.length][];
    for (MerchantCategory category : categories) {
      byCategory[category.ordinal()] = indicesWhere(m -> m.category() == category);
    }
    return byCategory;
  }

  /** The catalog index of a merchant, or -1 if it is not in the catalog. */
  static int indexOf(Merchant merchant) {
    return INDEX.getOrDefault(merchant, -1);
  }

  /** The merchant at a catalog index. */
  static Merchant get(int index) {
    return ALL.get(index);
  }
}
