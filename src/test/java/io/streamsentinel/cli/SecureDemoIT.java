package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.SentinelProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentinel demo --secure} as a user runs it, in its own JVM with the shipped logging: every
 * stage runs as its own Kafka user over SCRAM-SHA-512 and TLS with ACLs enforced, every transaction
 * is scored and stored, and no password or private key appears in its output or log.
 */
class SecureDemoIT {

  private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]+)\"");
  private static final Pattern API_KEY = Pattern.compile("API key .*: (\\S+)");

  @TempDir Path dir;

  @Test
  void wholePipelineRunsSecureWithExactCountsAndLeaksNoSecret() throws Exception {
    Path summary = dir.resolve("summary.json");
    int code;
    try (SentinelProcesses processes = new SentinelProcesses(dir)) {
      Process demo =
          processes.start(
              "demo",
              "1g",
              List.of("-Dlog4j2.configurationFile=log4j2.xml"),
              CliRunner.demoIn(
                  dir,
                  "--secure",
                  "--duration",
                  "10s",
                  "--tps",
                  "1500",
                  "--summary-json",
                  summary.toString()));
      assertThat(demo.waitFor(4, TimeUnit.MINUTES)).as("demo ended").isTrue();
      code = demo.exitValue();
    }
    String output = Files.readString(dir.resolve("demo.log"), StandardCharsets.UTF_8);
    assertThat(code).as(output).isZero();
    assertThat(output)
        .contains("Secure: clients authenticate with SCRAM-SHA-512 over TLS")
        // A grant too narrow shows here even when the counts come out right.
        .doesNotContainIgnoringCase("not authorized")
        .doesNotContain("AuthorizationException", "AuthenticationException");

    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    long produced = json.get("produced").asLong();
    assertThat(produced).isGreaterThan(5_000);
    assertThat(json.get("failed").asLong()).isZero();
    assertThat(json.get("scored").asLong()).isEqualTo(produced);
    assertThat(json.get("persisted").asLong()).isEqualTo(produced);
    assertThat(json.get("alerts").asLong()).isPositive();
    assertThat(json.get("actions").asLong()).isGreaterThanOrEqualTo(json.get("alerts").asLong());
    assertThat(json.get("dlq").asLong()).isZero();

    List<String> secrets = secrets();
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(11); // admin, 7 components, 2 keys, database
    for (String secret : secrets) {
      assertThat(output).as("the demo's output holds a secret").doesNotContain(secret);
    }
    // The API key is printed once, by design, on the demo's output; never in its log.
    Matcher key = API_KEY.matcher(output);
    assertThat(key.find()).as("the demo prints its API key").isTrue();
    secrets.add(key.group(1));
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve("logs-demo"))) {
      files.filter(Files::isRegularFile).forEach(logs::add);
    }
    assertThat(logs).isNotEmpty();
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(text).contains("Kafka broker started"); // the log is really this run's
      for (String secret : secrets) {
        assertThat(text).as("%s holds a secret", log.getFileName()).doesNotContain(secret);
      }
    }
  }

  /**
   * Every SCRAM password the run made, the private keys' first lines of key material and the
   * database's password.
   */
  private List<String> secrets() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> security = Files.list(dir.resolve("security"))) {
      security.forEach(files::add);
    }
    files.add(dir.resolve("kafka").resolve("sentinel-admin.properties"));
    List<String> secrets = new ArrayList<>();
    for (Path file : files) {
      Matcher m = PASSWORD.matcher(Files.readString(file));
      while (m.find()) {
        secrets.add(m.group(1));
      }
    }
    for (String key : List.of("sentinel-ca.key", "sentinel-broker.pem")) {
      String pem = Files.readString(dir.resolve("kafka").resolve(key));
      secrets.add(pem.lines().skip(1).findFirst().orElseThrow());
    }
    secrets.add(Files.readString(dir.resolve("postgres").resolve("sentinel-password")).strip());
    return secrets;
  }
}
