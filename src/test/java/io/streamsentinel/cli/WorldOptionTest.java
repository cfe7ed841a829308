package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.generator.World;
import io.streamsentinel.testing.CliRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --world} of {@code generate} and {@code demo}, checked before anything connects. */
class WorldOptionTest {

  @Test
  void shouldRejectAnUnknownWorldAsAUsageErrorNamingItAndTheKnownWorlds() {
    for (String command : new String[] {"generate", "demo"}) {
      CliRunner cli = new CliRunner();
      int code = cli.run(command, "--world", "atlantis", "-b", "localhost:1");
      assertThat(code).as(command).isEqualTo(CommandLine.ExitCode.USAGE);
      assertThat(cli.err())
          .contains("'atlantis'")
          .contains("known worlds: default, harbor, fjord, mesa, savanna, steppe");
    }
  }

  @Test
  void shouldListEveryWorldWithItsSummaryInTheHelp() {
    for (String command : new String[] {"generate", "demo"}) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run(command, "--help")).isZero();
      String help = cli.out().replaceAll("\\s+", " ");
      for (World world : World.values()) {
        assertThat(help).contains(world.wireName() + ":").contains(world.summary());
      }
    }
  }
}
