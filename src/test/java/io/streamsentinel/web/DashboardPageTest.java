package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every script and style a page loads is packaged with the application (the page must work with no
 * internet): its own files from the classpath, Chart.js from its WebJar at the version the pom
 * names.
 */
class DashboardPageTest {

  private static final Pattern LOCAL_REFERENCE =
      Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"");
  private static final Pattern ANY_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "user.html"})
  void shouldLoadOnlyFilesPackagedWithTheApplication(String page) throws IOException {
    String html = read(DashboardRoutes.PAGE_DIRECTORY + "/" + page);
    List<String> references = new ArrayList<>();
    Matcher m = LOCAL_REFERENCE.matcher(html);
    while (m.find()) {
      references.add(m.group(1));
    }

    assertThat(references).isNotEmpty();
    for (String path : references) {
      String resource =
          path.startsWith("/webjars/")
              ? "/META-INF/resources" + path
              : DashboardRoutes.PAGE_DIRECTORY + path;
      assertThat(DashboardPageTest.class.getResource(resource))
          .as(page + " loads " + path)
          .isNotNull();
    }
    Matcher any = ANY_REFERENCE.matcher(html);
    while (any.find()) {
      assertThat(any.group(1)).as(page + " refers to nothing off this server").startsWith("/");
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = DashboardPageTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
