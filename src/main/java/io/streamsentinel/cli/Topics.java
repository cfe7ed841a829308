package io.streamsentinel.cli;

import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientSecurity;
import io.streamsentinel.kafka.ComponentAccess;
import io.streamsentinel.kafka.KafkaAdminException;
import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.TopicMismatchException;
import io.streamsentinel.kafka.TopicProvisioner;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/** Topic provisioning as the commands report it. */
final class Topics {

  /** Exit code when the cluster's topics differ from the catalog ({@link ErrorReporter}). */
  static final int MISMATCH = 3;

  private Topics() {}

  /**
   * Creates the missing catalog topics and checks the rest; prints what it created.
   *
   * @throws TopicMismatchException when an existing topic differs from the catalog
   */
  static void ensure(CliContext context, KafkaConfig kafka) throws InterruptedException {
    ensure(context, kafka, false);
  }

  /**
   * On a secure cluster a component's user sees only its own topics and creates none: a topic of
   * its own that it cannot see is missing (or its grant is), which is named here rather than as a
   * timeout later.
   *
   * @throws KafkaAdminException naming the topics and who creates them
   */
  private static void requireOwnTopics(KafkaConfig kafka, TopicProvisioner.Report report) {
    if (report.notAllowed().isEmpty()) {
      return;
    }
    String jaas =
        kafka.settings().overrides().stream()
            .filter(o -> o.key().equals("sasl.jaas.config"))
            .reduce((first, second) -> second)
            .map(KafkaOverride::value)
            .orElse(null);
    String user = ClientSecurity.userOf(jaas).orElse(null);
    if (user == null || !ComponentAccess.components().contains(user)) {
      return; // another user: its needs are not ours to know; the provisioner logged what it saw
    }
    List<String> missing =
        report.notAllowed().stream().filter(ComponentAccess.topicsOf(user)::contains).toList();
    if (!missing.isEmpty()) {
      throw new KafkaAdminException(
          "Kafka user '"
              + user
              + "' cannot see "
              + missing
              + ": they do not exist yet (create the topics as the operator: sentinel topics"
              + " create --config <security dir>/operator.properties) or its ACLs are missing"
              + " (sentinel security init)",
          null);
    }
  }

  static void ensure(CliContext context, KafkaConfig kafka, boolean verbose)
      throws InterruptedException {
    try (Admin admin = Admin.create(kafka.clients().admin(ClientCatalog.TOPICS).toProperties())) {
      TopicProvisioner.Report report = new TopicProvisioner(admin).ensure(kafka.catalog());
      if (verbose) {
        report.created().forEach(t -> context.out().println("created  " + t));
        report.alreadyPresent().forEach(t -> context.out().println("present  " + t));
        report
            .codecs()
            .forEach(m -> context.out().println("codec    " + TopicProvisioner.codecAdvice(m)));
        if (!report.notAllowed().isEmpty()) {
          throw new KafkaAdminException(
              "this Kafka user may not create or see "
                  + report.notAllowed()
                  + "; create the topics as the operator (--config with its settings file)",
              null);
        }
      } else if (!report.created().isEmpty()) {
        context.out().println("Created topics: " + String.join(", ", report.created()));
      }
      requireOwnTopics(kafka, report);
      report.requireMatch();
    }
  }
}
