package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the responder's and the learning loop's event codecs ({@link AlertCodec}, {@link
 * LabelCodec}, {@link UserActionCodec}, {@link AccountStateCodec}): each refuses bad input only
 * with the {@link IllegalArgumentException} it documents, and what it accepts encodes to bytes it
 * reads back equal, and the sink can store (see {@link Storable}).
 */
class EventCodecsFuzzTest {

  @Provide
  Arbitrary<Mutations.Mutant> alerts() {
    return Mutations.ofJson(FuzzSeeds.decisions());
  }

  @Provide
  Arbitrary<Mutations.Mutant> labels() {
    return Mutations.ofJson(FuzzSeeds.labels());
  }

  @Provide
  Arbitrary<Mutations.Mutant> userActions() {
    return Mutations.ofJson(FuzzSeeds.userActions());
  }

  @Provide
  Arbitrary<Mutations.Mutant> accountStates() {
    return Mutations.ofJson(FuzzSeeds.accountStates());
  }

  @Property
  void shouldRefuseAnAlertOnlyWithIllegalArgumentException(
      @ForAll("alerts") Mutations.Mutant input) {
    boolean accepted =
        Decoding.accepted(IllegalArgumentException.class, () -> AlertCodec.decode(input.bytes()))
            .isPresent();
    Decoding.countAccepted(accepted, 5);
  }

  @Property
  void shouldReadBackAndStoreEveryAcceptedLabel(@ForAll("labels") Mutations.Mutant input) {
    var label =
        Decoding.accepted(IllegalArgumentException.class, () -> LabelCodec.decode(input.bytes()));
    Decoding.countAccepted(label.isPresent(), 5);
    label.ifPresent(
        l -> {
          assertThat(LabelCodec.decode(LabelCodec.encode(l))).isEqualTo(l);
          Storable.requireText(l.transactionId(), l.userId(), l.source());
          Storable.requireInstant(l.labelledAt());
        });
  }

  @Property
  void shouldReadBackAndStoreEveryAcceptedUserAction(
      @ForAll("userActions") Mutations.Mutant input) {
    var action =
        Decoding.accepted(
            IllegalArgumentException.class, () -> UserActionCodec.decode(input.bytes()));
    Decoding.countAccepted(action.isPresent(), 5);
    action.ifPresent(
        a -> {
          assertThat(UserActionCodec.decode(UserActionCodec.encode(a))).isEqualTo(a);
          Storable.requireText(
              a.actionId(), a.alertId(), a.transactionId(), a.userId(), a.policyVersion());
          Storable.requireText(a.actor(), a.note());
          Storable.requireText(a.reasons().toArray(String[]::new));
          Storable.requireInstant(a.decidedAt());
          Storable.requireInstant(a.alertTime());
        });
  }

  @Property
  void shouldReadBackAndStoreEveryAcceptedAccountState(
      @ForAll("accountStates") Mutations.Mutant input) {
    var state =
        Decoding.accepted(
            IllegalArgumentException.class, () -> AccountStateCodec.decode(input.bytes()));
    Decoding.countAccepted(state.isPresent(), 5);
    state.ifPresent(
        s -> {
          assertThat(AccountStateCodec.decode(AccountStateCodec.encode(s))).isEqualTo(s);
          Storable.requireText(s.userId(), s.reason());
          Storable.requireInstant(s.updatedAt());
          Storable.requireInstant(s.expiresAt());
        });
  }
}
