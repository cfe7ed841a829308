package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.detection.UserProfile;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link UserProfileCodec#decode}, the state store's binary format: corrupt bytes are a
 * {@link ProfileFormatException}, never a crash or an allocation sized by a claimed length, and a
 * profile it accepts encodes to bytes it reads back equal.
 */
class UserProfileCodecFuzzTest {

  private static final List<byte[]> SEEDS =
      List.of(
          UserProfileCodec.encode(UserProfile.empty("u")),
          UserProfileCodec.encode(UserProfileCodecTest.busyProfile(2, Duration.ofHours(1))),
          UserProfileCodec.encode(UserProfileCodecTest.busyProfile(3, Duration.ofDays(1))),
          UserProfileCodec.encode(UserProfileCodecTest.busyProfile(40, Duration.ofMinutes(1))),
          UserProfileCodec.encode(UserProfileCodecTest.busyProfile(300, Duration.ofSeconds(10))));

  @Provide
  Arbitrary<Mutations.Mutant> profiles() {
    return Mutations.ofBinary(SEEDS);
  }

  @Property
  void shouldRefuseOnlyWithProfileFormatException(@ForAll("profiles") Mutations.Mutant input) {
    boolean accepted =
        Decoding.accepted(
                ProfileFormatException.class, () -> UserProfileCodec.decode(input.bytes()))
            .isPresent();
    Decoding.countAccepted(accepted, 5);
  }

  @Property
  void shouldReadBackEveryAcceptedProfileFromItsEncoding(
      @ForAll("profiles") Mutations.Mutant input) {
    Decoding.accepted(ProfileFormatException.class, () -> UserProfileCodec.decode(input.bytes()))
        .ifPresent(
            profile -> {
              byte[] encoded = UserProfileCodec.encode(profile);
              assertThat(new UserProfileCodec.Encoder().encode(profile)).isEqualTo(encoded);
              assertThat(UserProfileCodec.decode(encoded)).isEqualTo(profile);
            });
  }
}
