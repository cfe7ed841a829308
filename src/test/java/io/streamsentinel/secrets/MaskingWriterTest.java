package io.streamsentinel.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MaskingWriterTest {

  @Test
  void shouldMaskEachLineEvenWhenItArrivesInPieces() {
    StringWriter target = new StringWriter();
    PrintWriter err = new PrintWriter(new MaskingWriter(target), true);

    err.print("persist: cannot connect to jdbc:postgresql://bob:hun");
    err.print("ter2@db/s");
    err.println();
    err.printf("token=%s and an ordinary line%n", "hunter3");
    err.print("no newline yet: password=hunter4");
    err.flush();

    assertThat(target.toString())
        .isEqualTo(
            "persist: cannot connect to jdbc:postgresql://bob:********@db/s"
                + System.lineSeparator()
                + "token=******** and an ordinary line"
                + System.lineSeparator()
                + "no newline yet: password=********");
  }
}
