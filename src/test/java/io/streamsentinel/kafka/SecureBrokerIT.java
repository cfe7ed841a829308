package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.config.ConfigFile;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure broker ({@code broker --secure}) with the components' users and ACLs from {@code
 * security init}: a client without credentials or with a wrong password is refused, each component
 * may do what its grant says and no more, and a restart keeps the CA and the admin's password.
 */
class SecureBrokerIT {

  @TempDir Path dir;

  private EmbeddedKafkaBroker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private EmbeddedKafkaBroker start() {
    broker =
        new EmbeddedKafkaBroker(
                new BrokerSettings(
                    "localhost", 0, dir.resolve("kafka"), false, KraftQuorum.single(), true))
            .start();
    return broker;
  }

  private static KafkaConfig config(Path settings) {
    return KafkaConfig.resolve(ConfigFile.load(settings), null, null, List.of());
  }

  /** What initTransactions throws for {@code transactionalId}, or null when it works. */
  private static Throwable initTransactions(KafkaConfig config, String transactionalId) {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            config
                .clients()
                .transactionalProducer(transactionalId, transactionalId)
                .toProperties())) {
      p.initTransactions();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void onlyAuthenticatedComponentsGetInAndOnlyToWhatTheirGrantAllows() throws Exception {
    start();
    Path adminFile = broker.adminSettings();
    assertThat(Files.getPosixFilePermissions(adminFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(adminFile)).contains("SASL_SSL", "BEGIN CERTIFICATE");

    // No credentials (PLAINTEXT to a SASL_SSL port): no answer, only a timeout.
    Properties plain = new Properties();
    plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    plain.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    plain.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    try (Admin anonymous = Admin.create(plain)) {
      assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }

    // A wrong password: an authentication error naming SCRAM.
    Path wrong = dir.resolve("wrong.properties");
    Files.writeString(
        wrong, Files.readString(adminFile).replaceAll("password=\"[^\"]*\"", "password=\"nope\""));
    try (Admin intruder = Admin.create(config(wrong).clients().admin("intruder").toProperties())) {
      assertThatThrownBy(() -> intruder.listTopics().names().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    KafkaConfig admin = config(adminFile);
    Path clients = dir.resolve("security");
    List<SecuritySetup.Component> setUp;
    setUp = SecuritySetup.run(admin.settings(), ComponentAccess.components(), clients, line -> {});
    assertThat(setUp)
        .extracting(SecuritySetup.Component::name)
        .containsExactlyElementsOf(ComponentAccess.components());
    for (SecuritySetup.Component c : setUp) {
      assertThat(Files.getPosixFilePermissions(c.settings()))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    // A component started before the operator made the topics names what it misses.
    CliRunner early = new CliRunner();
    assertThat(
            early.run(
                "generate",
                "--count",
                "1",
                "--config",
                clients.resolve("generator.properties").toString()))
        .isNotZero();
    assertThat(early.err())
        .contains("Kafka user 'generator' cannot see [", "synthetic-transactions", "operator");

    // The operator creates the catalog's topics.
    KafkaConfig operator = config(clients.resolve("operator.properties"));
    try (Admin a = Admin.create(operator.clients().admin("operator").toProperties())) {
      assertThat(new TopicProvisioner(a).ensure(TopicCatalog.defaults()).ok()).isTrue();
    }

    // The operator runs its own transactions but may not fence the responder's.
    assertThat(initTransactions(operator, ClientCatalog.modelTransaction("it"))).isNull();
    assertThat(initTransactions(operator, ClientCatalog.responder("1")))
        .isInstanceOf(TransactionalIdAuthorizationException.class);

    KafkaConfig detector = config(clients.resolve("detector.properties"));
    // A component starting up checks the topics it can see and leaves the others to the operator.
    try (Admin a = Admin.create(detector.clients().admin("detector").toProperties())) {
      TopicProvisioner.Report report = new TopicProvisioner(a).ensure(TopicCatalog.defaults());
      assertThat(report.ok()).isTrue();
      assertThat(report.created()).isEmpty();
      assertThat(report.alreadyPresent()).contains(TopicCatalog.TRANSACTIONS);
      assertThat(report.notAllowed()).contains(TopicCatalog.FRAUD_FEEDBACK);
    }
    // The detector writes its scores ...
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(detector.clients().producer("d").toProperties())) {
      p.send(new ProducerRecord<>(TopicCatalog.FRAUD_SCORES, "u", new byte[] {1}))
          .get(30, TimeUnit.SECONDS);
      // ... but may not block accounts.
      assertThatThrownBy(
              () ->
                  p.send(new ProducerRecord<>(TopicCatalog.ACCOUNT_STATUS, "u", new byte[] {1}))
                      .get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    // ... nor read the labels.
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(
            detector.clients().consumer("d", "fraud-detection-group", "earliest").toProperties())) {
      c.assign(List.of(new TopicPartition(TopicCatalog.FRAUD_FEEDBACK, 0)));
      assertThatThrownBy(() -> c.poll(Duration.ofSeconds(10)))
          .isInstanceOf(TopicAuthorizationException.class);
    }

    // Idempotent: a second run keeps every password.
    assertThat(
            SecuritySetup.run(admin.settings(), List.of("detector", "sink"), clients, line -> {}))
        .allMatch(SecuritySetup.Component::reused);

    // A restart keeps the CA and the admin's password: the files still work.
    String ca = Files.readString(dir.resolve("kafka").resolve(BrokerSecurity.CA_CERT));
    broker.close();
    start();
    assertThat(Files.readString(dir.resolve("kafka").resolve(BrokerSecurity.CA_CERT)))
        .isEqualTo(ca);
    KafkaConfig again =
        config(adminFile).onCluster(broker.bootstrapServers()); // port 0: a new port
    try (Admin a = Admin.create(again.clients().admin("again").toProperties())) {
      assertThat(a.listTopics().names().get(30, TimeUnit.SECONDS))
          .contains(TopicCatalog.TRANSACTIONS);
    }
  }
}
