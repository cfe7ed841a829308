package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.runtime.ShutdownSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How a long-running command tells an unexpected stop of its part from Ctrl-C. */
class CliContextTest {

  private final StringWriter err = new StringWriter();
  private final ShutdownSignal shutdown = new ShutdownSignal();
  private final CliContext context =
      new CliContext(
          new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), shutdown);

  @Test
  void shouldCallAStopWithoutACauseAndWithoutCtrlCAnError() {
    assertThat(context.stoppedUnexpectedly("respond", false, null)).isTrue();
    assertThat(err.toString()).startsWith("respond: stopped by an error: it stopped by itself");
  }

  @Test
  void shouldReportTheRecordedCause() {
    shutdown.request();

    assertThat(context.stoppedUnexpectedly("persist", false, new IllegalStateException("boom")))
        .isTrue();
    assertThat(err.toString()).contains("persist: stopped by an error").contains("boom");
  }

  @Test
  void shouldCallCtrlCOrAStillRunningPartNoError() {
    assertThat(context.stoppedUnexpectedly("detect", true, null)).isFalse();
    shutdown.request();
    assertThat(context.stoppedUnexpectedly("detect", false, null)).isFalse();
    assertThat(err.toString()).isEmpty();
  }
}
