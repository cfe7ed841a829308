package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The responder's options, above all its default instance id. */
class ResponderOptionsTest {

  @Test
  void shouldDeriveADefaultInstanceIdThatTwoProcessesDoNotShare() {
    ResponderOptions options = CommandLine.populateCommand(new ResponderOptions());

    String id = options.settings().instanceId();

    assertThat(id).isNotEqualTo("1").endsWith("-" + ProcessHandle.current().pid());
  }

  @Test
  void shouldKeepAGivenInstanceId() {
    ResponderOptions options =
        CommandLine.populateCommand(new ResponderOptions(), "--instance-id", "eu-1");

    assertThat(options.settings().clientId()).isEqualTo("sentinel-responder-eu-1");
  }
}
