package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.kafka.TuningProfile;
import io.streamsentinel.testing.CliRunner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code --profile}'s help, on the commands that take Kafka options. */
class ProfileOptionTest {

  @Test
  void shouldListEveryProfileWithItsSummaryInTheHelp() {
    for (String[] command : new String[][] {{"generate"}, {"detect"}, {"config", "show"}}) {
      CliRunner cli = new CliRunner();
      String[] args = Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      assertThat(cli.run(args)).as(String.join(" ", command)).isZero();
      String help = cli.out().replaceAll("\\s+", " ");
      for (TuningProfile profile : TuningProfile.values()) {
        assertThat(help)
            .as(String.join(" ", command))
            .contains(profile.cliName() + ": " + profile.summary());
      }
    }
  }
}
