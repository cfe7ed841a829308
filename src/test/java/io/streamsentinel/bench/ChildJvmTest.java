package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

  @Test
  void shouldStartTheSameJavaWithTheGivenOptionsClassPathAndArguments() {
    ChildJvm jvm = ChildJvm.likeThisOne(List.of("-Xmx1g"), "example.Main");

    List<String> command = jvm.command(Path.of("logs"), List.of("bench", "stage"));

    assertThat(command.get(0)).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
    assertThat(command)
        .containsSubsequence(
            "-Xmx1g",
            "-Dsentinel.log.dir=" + Path.of("logs").toAbsolutePath(),
            "-cp",
            System.getProperty("java.class.path"),
            "example.Main",
            "bench",
            "stage");
    assertThat(jvm.line()).contains("-Xmx1g").doesNotContain(System.getProperty("java.class.path"));
  }
}
