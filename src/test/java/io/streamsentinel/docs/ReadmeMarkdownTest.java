package io.streamsentinel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README renders as written: every code block is closed, so no section turns into code. (A
 * section heading is {@code ##} or deeper; a single {@code #} in a block is a shell or properties
 * comment.)
 */
class ReadmeMarkdownTest {

  @Test
  void shouldCloseEveryCodeBlockBeforeTheNextHeading() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    List<String> headingsInCode = new ArrayList<>();
    int openedAt = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        openedAt = openedAt == 0 ? i + 1 : 0;
      } else if (openedAt != 0 && line.matches("#{2,6} .*")) {
        headingsInCode.add("line " + (i + 1) + " (block opened at line " + openedAt + "): " + line);
      }
    }
    assertThat(headingsInCode).as("headings inside a code block").isEmpty();
    assertThat(openedAt).as("line of a code block never closed").isZero();
  }

  @Test
  void shouldShowNoSnoozeThatHasAlreadyEnded() throws IOException {
    // A snooze example with a fixed --until is refused once that instant has passed.
    String readme = Files.readString(Path.of("README.md"));
    Matcher until = Pattern.compile("rules snooze .*--until (\\d{4}-\\S+)").matcher(readme);
    while (until.find()) {
      assertThat(Instant.parse(until.group(1))).as(until.group()).isAfter(Instant.now());
    }
  }
}
