package io.streamsentinel.codec;

import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Valid encodings the decoder fuzz tests mutate: what the system itself writes. */
public final class FuzzSeeds {

  private FuzzSeeds() {}

  /** Decisions and alerts, with and without a model, a shadow, labels and reasons. */
  public static List<byte[]> decisions() {
    Transaction tx = TransactionCodecTest.everyField();
    Transaction bare =
        Transaction.builder()
            .transactionId("t😀")
            .userId("u")
            .amount(new BigDecimal("0.01"))
            .timestamp(Instant.parse("9999-12-31T23:59:59.999999999Z"))
            .build();
    double[] features = new double[Feature.COUNT];
    for (int i = 0; i < features.length; i++) {
      features[i] = i % 3 == 0 ? i : i * 0.123456789;
    }
    Decision ruled =
        new Decision(
            tx.transactionId(),
            tx.userId(),
            tx.timestamp(),
            tx.amount(),
            0.93,
            Severity.CRITICAL,
            List.of(
                new Reason("ACCOUNT_BLOCKED", "account blocked \"by ops\" 😀", 0.6),
                new Reason("VELOCITY_1M", "7 transactions in 60 s", 0.33)),
            FeatureVector.of(features),
            "rules-3",
            true,
            "velocity_burst");
    Decision modelled =
        new Decision(
                bare.transactionId(),
                bare.userId(),
                bare.timestamp(),
                bare.amount(),
                0.4,
                Severity.LOW,
                List.of(new Reason("BIG_DAY", "6× the usual day", 0.4, "model")),
                FeatureVector.of(new double[Feature.COUNT]),
                "rules-3",
                null,
                null,
                0.2,
                0.4,
                "v7")
            .withShadow(new Decision.Shadow("v8", 0.5));
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(DecisionCodec.encodeDecision(ruled, tx));
    seeds.add(DecisionCodec.encodeAlert(ruled, tx));
    seeds.add(DecisionCodec.encodeDecision(modelled, bare));
    seeds.add(DecisionCodec.encodeAlert(modelled, bare));
    return seeds;
  }

  /** Label events: every field, the fewest, and a case resolution that carries more. */
  public static List<byte[]> labels() {
    return List.of(
        LabelCodec.encode(
            new Label(
                "tx_1",
                true,
                "user_ü",
                Label.CHARGEBACK,
                Instant.parse("2026-01-22T02:53:05.073095Z"))),
        LabelCodec.encode(new Label("tx_2", false, null, null, null)),
        Mutations.utf8(
            "{\"transaction_id\":\"tx_3\",\"is_fraud\":false,\"case_id\":9,"
                + "\"resolution\":\"false_positive\",\"labelled_at\":\"0000-01-01T00:00:00Z\"}"));
  }

  public static List<byte[]> userActions() {
    return ResponderEventSamples.userActions().stream().map(UserActionCodec::encode).toList();
  }

  public static List<byte[]> accountStates() {
    return ResponderEventSamples.accountStates().stream().map(AccountStateCodec::encode).toList();
  }
}
