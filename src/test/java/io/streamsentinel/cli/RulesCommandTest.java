package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules validate}: a valid file summarised, an invalid one named down to rule and field. */
class RulesCommandTest {

  @TempDir Path dir;

  @Test
  void theDefaultRulesShouldBeValid() throws Exception {
    Path file = dir.resolve("default.json");
    Files.write(file, RuleSetCodec.encode(RuleSetCodec.loadDefault()));
    CliRunner cli = new CliRunner();

    assertThat(cli.run("rules", "validate", file.toString())).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("is a valid rule set: version " + RuleSetCodec.loadDefault().version())
        .contains(RuleSetCodec.loadDefault().rules().get(0).id());
  }

  @Test
  void anInvalidRuleShouldBeNamedWithItsField() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        """
        {"version": "bad-1", "rules": [
          {"id": "burst", "conditions": [{"feature": "shoe_size", "op": ">", "threshold": 3}],
           "weight": 0.5, "reason_code": "BURST", "detail": "{tx_count_1m} in 60 s"}]}
        """);
    CliRunner cli = new CliRunner();

    assertThat(cli.run("rules", "validate", file.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("bad.json").contains("burst").contains("shoe_size");
  }

  @Test
  void aMissingFileShouldBeRefusedNamingIt() {
    CliRunner cli = new CliRunner();

    assertThat(cli.run("rules", "validate", dir.resolve("none.json").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("none.json").contains("cannot be read");
  }
}
