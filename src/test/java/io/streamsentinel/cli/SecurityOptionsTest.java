package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secure-mode options that cannot work are refused before anything starts, naming why. */
class SecurityOptionsTest {

  @TempDir Path dir;

  @Test
  void secureDemoOnTheUsersClusterPointsToSecurityInit() {
    CliRunner cli = new CliRunner();
    int code = cli.run(CliRunner.demoIn(dir, "--secure", "--bootstrap-servers", "localhost:1"));
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--secure secures the embedded broker", "security init");
  }

  @Test
  void secureClusterOfSeveralNodesNeedsASharedCa() {
    CliRunner cli = new CliRunner();
    int code =
        cli.run(
            "broker",
            "--secure",
            "--data-dir",
            dir.resolve("k").toString(),
            "--controller-quorum",
            "1@localhost:1,2@localhost:2,3@localhost:3");
    assertThat(code).isNotZero();
    assertThat(cli.err()).contains("a secure cluster of several nodes needs --ca-dir");
  }

  @Test
  void unknownComponentIsNamedBeforeAnyChange() {
    CliRunner cli = new CliRunner();
    int code =
        cli.run(
            "security",
            "init",
            "--bootstrap-servers",
            "localhost:1",
            "--out",
            dir.toString(),
            "--component",
            "detectr");
    assertThat(code).isNotZero();
    assertThat(cli.err()).contains("unknown component 'detectr'", "detector");
  }
}
