package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.RuleSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuleSetRecordCodecTest {

  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private static String text(RuleSetVersion v) {
    return new String(RuleSetRecordCodec.encode(v), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldRoundTripTheDefaultRules() {
    RuleSet rules = RuleSetCodec.loadDefault();
    RuleSetVersion v =
        RuleSetVersion.publish(rules, RuleSetStatus.SHADOW, T)
            .withStatus(RuleSetStatus.ACTIVE, T.plusSeconds(5));
    RuleSetVersion back = RuleSetRecordCodec.decode(RuleSetRecordCodec.encode(v));
    assertThat(back.version()).isEqualTo(rules.version());
    assertThat(back.status()).isEqualTo(RuleSetStatus.ACTIVE);
    assertThat(back.publishedAt()).isEqualTo(T);
    assertThat(back.statusChangedAt()).isEqualTo(T.plusSeconds(5));
    assertThat(back.sha256()).isEqualTo(v.sha256());
    assertThat(RuleSetCodec.encode(back.rules())).isEqualTo(RuleSetCodec.encode(rules));
  }

  @Test
  void shouldRefuseRulesThatDoNotMatchTheirChecksum() {
    String record =
        text(RuleSetVersion.publish(RuleSetCodec.loadDefault(), RuleSetStatus.ACTIVE, T));
    String tampered =
        record
            .replace("\"weight\" : 0.9", "\"weight\" : 0.1")
            .replace("\"weight\":0.9", "\"weight\":0.1");
    assertThat(tampered).isNotEqualTo(record);
    assertThatThrownBy(() -> RuleSetRecordCodec.decode(bytes(tampered)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void shouldRefuseAnInvalidRuleSetNamingTheRuleAndField() {
    String record =
        text(RuleSetVersion.publish(RuleSetCodec.loadDefault(), RuleSetStatus.ACTIVE, T));
    String broken = record.replaceFirst("small_amount_count_10m", "no_such_feature");
    assertThatThrownBy(() -> RuleSetRecordCodec.decode(bytes(broken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("card_testing")
        .hasMessageContaining("no_such_feature");
  }

  @Test
  void shouldRefuseAKeyVersionOtherThanTheRules() {
    String record =
        text(RuleSetVersion.publish(RuleSetCodec.loadDefault(), RuleSetStatus.ACTIVE, T));
    String version = RuleSetCodec.loadDefault().version();
    String other =
        record.replaceFirst("\"version\":\"" + version + "\"", "\"version\":\"other-1\"");
    assertThat(other).isNotEqualTo(record);
    assertThatThrownBy(() -> RuleSetRecordCodec.decode(bytes(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other-1");
  }

  @Test
  void shouldRefuseWhatIsNotARecord() {
    assertThatThrownBy(() -> RuleSetRecordCodec.decode(bytes("[1,2]")))
        .hasMessageContaining("not a rule set record");
    assertThatThrownBy(() -> RuleSetRecordCodec.decode(bytes("{\"version\":\"x\"}")))
        .hasMessageContaining("needs version, status, sha256 and rules");
    assertThatThrownBy(() -> RuleSetRecordCodec.decode(null)).hasMessageContaining("no value");
  }
}
