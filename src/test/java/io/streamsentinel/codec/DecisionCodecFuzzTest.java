package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the readers of {@code fraud-scores} and {@code fraud-alerts}: {@link
 * DecisionDocumentReader#read} and {@link DecisionCodec#decodeSummary} refuse bad input only with
 * the {@link IllegalArgumentException} they document. A document has no encoder of its own: the
 * sink stores it, its reasons and features as JSONB, so an accepted one must hold JSON that
 * PostgreSQL takes and text and times it can store (the row mapping itself is checked in {@code
 * persistence.SinkDecoderFuzzTest}).
 */
class DecisionCodecFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<Mutations.Mutant> decisions() {
    return Mutations.ofJson(FuzzSeeds.decisions());
  }

  @Property
  void shouldReadOnlyStorableDocuments(@ForAll("decisions") Mutations.Mutant input) {
    var document =
        Decoding.accepted(
            IllegalArgumentException.class, () -> DecisionDocumentReader.read(input.bytes()));
    Decoding.countAccepted(document.isPresent(), 5);
    document.ifPresent(
        d -> {
          assertThat(parsed(d.reasonsJson()).isArray()).isTrue();
          assertThat(parsed(d.featuresJson()).isObject()).isTrue();
          Storable.requireText(
              d.alertId(), d.transactionId(), d.userId(), d.currency(), d.merchant());
          Storable.requireText(d.merchantCategory(), d.country(), d.city(), d.channel());
          Storable.requireJson(d.reasonsJson());
          Storable.requireJson(d.featuresJson());
          Storable.requireText(d.ruleSetVersion());
          Storable.requireText(d.fraudPattern(), d.modelVersion(), d.shadowVersion());
          Storable.requireInstant(d.eventTime());
        });
  }

  @Property
  void shouldRefuseASummaryOnlyWithIllegalArgumentException(
      @ForAll("decisions") Mutations.Mutant input) {
    boolean accepted =
        Decoding.accepted(
                IllegalArgumentException.class, () -> DecisionCodec.decodeSummary(input.bytes()))
            .isPresent();
    Decoding.countAccepted(accepted, 5);
  }

  private static JsonNode parsed(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
