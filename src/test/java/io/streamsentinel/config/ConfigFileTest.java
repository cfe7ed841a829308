package io.streamsentinel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TuningProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("sentinel.properties"), content);
  }

  @Test
  void shouldReadEverySupportedKey() throws IOException {
    ConfigFile file =
        ConfigFile.load(
            write(
                """
                bootstrap.servers = k1:9092,k2:9092
                profile = high-throughput
                kafka.producer.linger.ms = 20
                topics.fraud-scores.partitions = 24
                topics.user-actions.retention = 14d
                topics.synthetic-transactions.compression = Producer
                topics.fraud-alerts.compression = zstd
                limits.max-amount = 5000
                limits.max-text-chars = 64
                limits.max-event-age = 400d
                limits.max-event-lead = 2h
                """));
    assertThat(file.bootstrapServers()).contains("k1:9092,k2:9092");
    assertThat(file.profile()).contains(TuningProfile.HIGH_THROUGHPUT);
    assertThat(file.kafkaOverrides())
        .containsExactly(
            new KafkaOverride(KafkaOverride.Scope.PRODUCER, "linger.ms", "20", "config file"));
    TopicCatalog catalog = file.applyTo(TopicCatalog.defaults());
    assertThat(catalog.topic("fraud-scores").partitions()).isEqualTo(24);
    assertThat(catalog.topic("user-actions").retention()).isEqualTo(Duration.ofDays(14));
    assertThat(catalog.topic("synthetic-transactions").compression()).isNull();
    assertThat(catalog.topic("synthetic-transactions").configs((short) 1))
        .containsEntry("compression.type", "producer");
    assertThat(catalog.topic("fraud-alerts").compression()).isEqualTo("zstd");
    assertThat(catalog.topic("fraud-scores").compression()).isEqualTo("snappy");
    assertThat(file.transactionLimits().maxAmount()).isEqualByComparingTo("5000");
    assertThat(file.transactionLimits().maxTextChars()).isEqualTo(64);
    assertThat(file.transactionLimits().maxEventAge()).isEqualTo(Duration.ofDays(400));
    assertThat(file.transactionLimits().maxEventLead()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldRejectAnUnknownKeyNamingItAndTheFile() throws IOException {
    Path path = write("bootstrap.server = k1:9092\n");
    assertThatThrownBy(() -> ConfigFile.load(path))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bootstrap.server")
        .hasMessageContaining(path.toString());
  }

  @Test
  void shouldRejectAnUnknownTopic() throws IOException {
    Path path = write("topics.fraud-score.partitions = 3\n");
    assertThatThrownBy(() -> ConfigFile.load(path)).hasMessageContaining("fraud-score");
  }

  @Test
  void shouldNameTheKeyOfABadValueWhenLoading() throws IOException {
    Path partitions = write("topics.fraud-scores.partitions = many\n");
    assertThatThrownBy(() -> ConfigFile.load(partitions))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.fraud-scores.partitions");
    Path compression = write("topics.fraud-scores.compression = lz5\n");
    assertThatThrownBy(() -> ConfigFile.load(compression))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.fraud-scores.compression")
        .hasMessageContaining("lz5")
        .hasMessageContaining("uncompressed, zstd, lz4, snappy, gzip, producer");
    Path profile = write("profile = fast\n");
    assertThatThrownBy(() -> ConfigFile.load(profile))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("profile")
        .hasMessageContaining("fast");
    Path limit = write("limits.max-amount = -1\n");
    assertThatThrownBy(() -> ConfigFile.load(limit)).hasMessageContaining("limits.max-amount");
    Path lead = write("limits.max-event-lead = soon\n");
    assertThatThrownBy(() -> ConfigFile.load(lead)).hasMessageContaining("limits.max-event-lead");
  }

  @Test
  void shouldNameAValueWithACommentAfterItAndSayWhy() throws IOException {
    Path path = write("limits.max-amount = 1000000   # larger amounts are rejected\n");
    assertThatThrownBy(() -> ConfigFile.load(path))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("limits.max-amount")
        .hasMessageContaining("'1000000   # larger amounts are rejected'")
        .hasMessageContaining("put it on a line of its own");
    Path plain = write("limits.max-amount = lots\n");
    assertThatThrownBy(() -> ConfigFile.load(plain))
        .hasMessageContaining("'lots'")
        .message()
        .doesNotContain("line of its own");
  }

  @Test
  void shouldReadTheReadmesExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("Config file (Java properties)");
    int open = readme.indexOf("```\n", start) + 4;
    String example = readme.substring(open, readme.indexOf("```", open));
    assertThat(example).contains("limits.max-amount");
    ConfigFile file = ConfigFile.load(write(example));
    assertThat(file.transactionLimits().maxAmount()).isEqualByComparingTo("1000000");
    assertThat(file.applyTo(TopicCatalog.defaults()).topic("fraud-scores").compression()).isNull();
  }

  @Test
  void shouldReportAMissingFile() {
    assertThatThrownBy(() -> ConfigFile.load(dir.resolve("nope.properties")))
        .hasMessageContaining("nope.properties")
        .hasMessageContaining("does not exist");
  }
}
