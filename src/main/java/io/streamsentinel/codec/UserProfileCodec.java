package io.streamsentinel.codec;

import io.streamsentinel.detection.AmountStats;
import io.streamsentinel.detection.DailySpend;
import io.streamsentinel.detection.Habits;
import io.streamsentinel.detection.HourHistogram;
import io.streamsentinel.detection.LastPlace;
import io.streamsentinel.detection.Novelty;
import io.streamsentinel.detection.RecentIds;
import io.streamsentinel.detection.RecentSet;
import io.streamsentinel.detection.SlidingWindows;
import io.streamsentinel.detection.UserProfile;

/**
 * The compact binary form of a {@link UserProfile}, written to the state store on every event.
 *
 * <p>Layout (format {@value #FORMAT_V4}): a leading format byte, then the user id, amount
 * statistics, last time and place, the four recent-value sets, 24 hourly counts, daily spend, the
 * window entries, the recent transaction ids (8-byte hashes, record times as deltas), the habits
 * (counts as varints, the log-amount and home figures as doubles) and the novelty counts (three
 * varints and, once counting began, the time it began as a zig-zag varint). Format {@value
 * #FORMAT_V3}, written before the novelty counts, is the same without them; format {@value
 * #FORMAT_V2}, written before the habits, is also without the habits; format {@value #FORMAT_V1},
 * written before the ids moved into the profile, is also without the ids. All are still read, with
 * empty novelty counts (habits, ids). Counts and cents are varints, signed values zig-zag varints,
 * window times deltas from the previous entry, strings length-prefixed UTF-8. A typical profile is
 * a few hundred bytes; the worst case (full sets, 256 window entries) a few KiB. A new layout gets
 * a new format byte and this class keeps reading the old ones.
 */
public final class UserProfileCodec {

  /** The layout before the recent transaction ids; read, no longer written. */
  public static final byte FORMAT_V1 = 1;

  /** The layout before the habits; read, no longer written. */
  public static final byte FORMAT_V2 = 2;

  /** The layout before the novelty counts; read, no longer written. */
  public static final byte FORMAT_V3 = 3;

  /** The current layout. */
  public static final byte FORMAT_V4 = 4;

  private static final int TYPICAL_BYTES = 512;
  private static final int MAX_SET_SIZE = 1 << 10;

  private UserProfileCodec() {}

  /**
   * Encodes into one buffer kept from call to call, so that writing a profile per record allocates
   * only the returned array (the buffer grows at most to the largest profile, a few KiB). Not
   * thread-safe: one per stream task.
   */
  public static final class Encoder {

    private final BinaryWriter out = new BinaryWriter(TYPICAL_BYTES);

    /** The same bytes as {@link UserProfileCodec#encode}. */
    public byte[] encode(UserProfile profile) {
      out.clear();
      write(out, profile);
      return out.toByteArray();
    }
  }

  /** The profile's bytes, format {@link #FORMAT_V4}. */
  public static byte[] encode(UserProfile profile) {
    BinaryWriter out = new BinaryWriter(TYPICAL_BYTES);
    write(out, profile);
    return out.toByteArray();
  }

  private static void write(BinaryWriter out, UserProfile profile) {
    out.writeByte(FORMAT_V4);
    out.writeNullableString(profile.userId());
    writeAmounts(out, profile.amounts());
    out.writeZigZag(profile.lastEpochMillis());
    writePlace(out, profile.lastPlace());
    writeSet(out, profile.merchants());
    writeSet(out, profile.categories());
    writeSet(out, profile.countries());
    writeSet(out, profile.devices());
    for (int hour = 0; hour < HourHistogram.HOURS; hour++) {
      out.writeVarLong(profile.hours().count(hour));
    }
    writeDaily(out, profile.daily());
    writeWindows(out, profile.windows());
    writeIds(out, profile.seenIds());
    writeHabits(out, profile.habits());
    writeNovelty(out, profile.novelty());
  }

  /**
   * The profile in these bytes.
   *
   * @throws ProfileFormatException when the bytes are empty, truncated, of an unknown format or
   *     describe an impossible profile
   */
  public static UserProfile decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new ProfileFormatException("empty profile record");
    }
    BinaryReader in = new BinaryReader(bytes);
    int format = in.readByte();
    if (format < FORMAT_V1 || format > FORMAT_V4) {
      throw new ProfileFormatException("unknown profile format " + format);
    }
    try {
      UserProfile profile = read(in, format);
      in.requireEnd();
      return profile;
    } catch (ProfileFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ProfileFormatException("inconsistent profile: " + e.getMessage(), e);
    }
  }

  private static UserProfile read(BinaryReader in, int format) {
    String userId = in.readNullableString();
    if (userId == null) {
      throw new ProfileFormatException("profile without a user id");
    }
    AmountStats amounts = readAmounts(in);
    long lastEpochMillis = in.readZigZag();
    LastPlace place = readPlace(in);
    RecentSet merchants = readSet(in, UserProfile.MERCHANTS);
    RecentSet categories = readSet(in, UserProfile.CATEGORIES);
    RecentSet countries = readSet(in, UserProfile.COUNTRIES);
    RecentSet devices = readSet(in, UserProfile.DEVICES);
    int[] hours = new int[HourHistogram.HOURS];
    for (int hour = 0; hour < hours.length; hour++) {
      hours[hour] = in.readCount(Integer.MAX_VALUE, "hourly count");
    }
    DailySpend daily = readDaily(in);
    SlidingWindows windows = readWindows(in);
    return new UserProfile(
        userId,
        amounts,
        lastEpochMillis,
        place,
        merchants,
        categories,
        countries,
        devices,
        HourHistogram.of(hours),
        daily,
        windows,
        format >= FORMAT_V2 ? readIds(in) : RecentIds.empty(),
        format >= FORMAT_V3 ? readHabits(in) : Habits.EMPTY,
        format >= FORMAT_V4 ? readNovelty(in) : Novelty.EMPTY);
  }

  private static void writeAmounts(BinaryWriter out, AmountStats amounts) {
    out.writeVarLong(amounts.count());
    out.writeDouble(amounts.mean());
    out.writeDouble(amounts.sumSquaredDeviations());
    out.writeVarLong(amounts.maxCents());
  }

  private static AmountStats readAmounts(BinaryReader in) {
    return new AmountStats(in.readVarLong(), in.readDouble(), in.readDouble(), in.readVarLong());
  }

  private static void writePlace(BinaryWriter out, LastPlace place) {
    out.writeByte(place.isKnown() ? 1 : 0);
    if (place.isKnown()) {
      out.writeZigZag(place.epochMillis());
      out.writeDouble(place.latitude());
      out.writeDouble(place.longitude());
      out.writeNullableString(place.country());
    }
  }

  /**
   * Reads a place; only what {@link #writePlace} writes: a flag 0 alone, or a flag 1 with
   * coordinates. A known place with a NaN coordinate would be written back as an unknown one.
   */
  private static LastPlace readPlace(BinaryReader in) {
    int known = in.readByte();
    if (known == 0) {
      return LastPlace.UNKNOWN;
    }
    if (known != 1) {
      throw new ProfileFormatException("last place flag " + known + " is neither 0 nor 1");
    }
    LastPlace place =
        new LastPlace(in.readZigZag(), in.readDouble(), in.readDouble(), in.readNullableString());
    if (!place.isKnown()) {
      throw new ProfileFormatException(
          "last place has no coordinates: " + place.latitude() + ", " + place.longitude());
    }
    return place;
  }

  /** A set: its size, then its values as nullable strings, which is the set's own wire form. */
  private static void writeSet(BinaryWriter out, RecentSet set) {
    out.writeVarLong(set.size());
    set.writeWire(out::writeBytes);
  }

  /**
   * Reads a set by copying its values' bytes, undecoded ({@link RecentSet#read}); should the
   * capacity ever shrink, the least recent values are let go.
   */
  private static RecentSet readSet(BinaryReader in, int capacity) {
    return in.readRecentSet(capacity, in.readCount(MAX_SET_SIZE, "set size"));
  }

  private static void writeDaily(BinaryWriter out, DailySpend daily) {
    out.writeZigZag(daily.epochDay());
    out.writeVarLong(daily.count());
    out.writeVarLong(daily.sumCents());
    out.writeVarLong(daily.pastDays());
    out.writeVarLong(daily.pastSumCents());
  }

  private static DailySpend readDaily(BinaryReader in) {
    return new DailySpend(
        in.readZigZag(),
        in.readCount(Integer.MAX_VALUE, "daily count"),
        in.readVarLong(),
        in.readCount(Integer.MAX_VALUE, "past days"),
        in.readVarLong());
  }

  private static void writeWindows(BinaryWriter out, SlidingWindows windows) {
    out.writeVarLong(windows.size());
    long previous = 0;
    for (int i = 0; i < windows.size(); i++) {
      out.writeZigZag(windows.time(i) - previous);
      previous = windows.time(i);
      out.writeVarLong(windows.cents(i));
      out.writeByte(windows.marks(i));
    }
  }

  private static SlidingWindows readWindows(BinaryReader in) {
    int size = in.readCount(SlidingWindows.CAPACITY, "window entries");
    long[] times = new long[size];
    long[] cents = new long[size];
    byte[] marks = new byte[size];
    long previous = 0;
    for (int i = 0; i < size; i++) {
      previous += in.readZigZag();
      times[i] = previous;
      cents[i] = in.readVarLong();
      marks[i] = (byte) in.readByte();
    }
    return SlidingWindows.restore(times, cents, marks);
  }

  private static void writeIds(BinaryWriter out, RecentIds ids) {
    out.writeVarLong(ids.size());
    long previous = 0;
    for (int i = 0; i < ids.size(); i++) {
      out.writeLong(ids.hashAt(i));
      out.writeZigZag(ids.timeAt(i) - previous);
      previous = ids.timeAt(i);
    }
  }

  /** Reads the ids; should the capacity ever shrink, the oldest are let go. */
  private static RecentIds readIds(BinaryReader in) {
    int size = in.readCount(MAX_SET_SIZE, "transaction ids");
    long[] hashes = new long[size];
    long[] times = new long[size];
    long previous = 0;
    for (int i = 0; i < size; i++) {
      hashes[i] = in.readLong();
      previous += in.readZigZag();
      times[i] = previous;
    }
    return RecentIds.restore(hashes, times);
  }

  private static void writeHabits(BinaryWriter out, Habits h) {
    out.writeVarLong(h.count());
    out.writeVarLong(h.logCount());
    out.writeDouble(h.logMean());
    out.writeDouble(h.logSumSquaredDeviations());
    out.writeVarLong(h.places());
    if (h.places() > 0) {
      out.writeDouble(h.homeLatitude());
      out.writeDouble(h.homeLongitude());
      out.writeDouble(h.homeRadiusKm());
    }
    out.writeVarLong(h.online());
    out.writeVarLong(h.cardPresent());
    out.writeVarLong(h.atm());
  }

  private static Habits readHabits(BinaryReader in) {
    long count = in.readVarLong();
    long logCount = in.readVarLong();
    double logMean = in.readDouble();
    double logM2 = in.readDouble();
    long places = in.readVarLong();
    double latitude = places > 0 ? in.readDouble() : 0;
    double longitude = places > 0 ? in.readDouble() : 0;
    double radius = places > 0 ? in.readDouble() : 0;
    return new Habits(
        count,
        logMean,
        logM2,
        logCount,
        places,
        latitude,
        longitude,
        radius,
        in.readVarLong(),
        in.readVarLong(),
        in.readVarLong());
  }

  private static void writeNovelty(BinaryWriter out, Novelty n) {
    out.writeVarLong(n.count());
    out.writeVarLong(n.newMerchants());
    out.writeVarLong(n.newDevices());
    if (n.count() > 0) {
      out.writeZigZag(n.sinceEpochMillis());
    }
  }

  private static Novelty readNovelty(BinaryReader in) {
    long count = in.readVarLong();
    long newMerchants = in.readVarLong();
    long newDevices = in.readVarLong();
    return new Novelty(count, newMerchants, newDevices, count > 0 ? in.readZigZag() : 0);
  }
}
