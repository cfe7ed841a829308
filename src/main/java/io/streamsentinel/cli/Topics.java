package io.streamsentinel.cli;

import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.KafkaAdminException;
import io.streamsentinel.kafka.TopicMismatchException;
import io.streamsentinel.kafka.TopicProvisioner;
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

  static void ensure(CliContext context, KafkaConfig kafka, boolean verbose)
      throws InterruptedException {
    try (Admin admin = Admin.create(kafka.clients().admin(ClientCatalog.TOPICS).toProperties())) {
      TopicProvisioner.Report report = new TopicProvisioner(admin).ensure(kafka.catalog());
      if (verbose) {
        report.created().forEach(t -> context.out().println("created  " + t));
        report.alreadyPresent().forEach(t -> context.out().println("present  " + t));
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
      report.requireMatch();
    }
  }
}
