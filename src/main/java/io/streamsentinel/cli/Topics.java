package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

/** Topic provisioning as the commands report it. */
final class Topics {

  /** Exit code when the cluster's topics differ from the catalog. */
  static final int MISMATCH = 3;

  private Topics() {}

  /**
   * Creates the missing catalog topics and checks the rest; prints what it did.
   *
   * @return null when the cluster matches the catalog, else the exit code to return
   */
  static Integer ensure(CliContext context, KafkaOptions kafka) throws InterruptedException {
    return ensure(context, kafka, false);
  }

  static Integer ensure(CliContext context, KafkaOptions kafka, boolean verbose)
      throws InterruptedException {
    ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
    try (Admin admin =
        Admin.create(clients.admin(ComponentClients.TOPICS_CLIENT_ID).toProperties())) {
      TopicProvisioner.Report report = new TopicProvisioner(admin).ensure(kafka.catalog());
      if (verbose) {
        report.created().forEach(t -> context.out().println("created  " + t));
        report.alreadyPresent().forEach(t -> context.out().println("present  " + t));
      } else if (!report.created().isEmpty()) {
        context.out().println("Created topics: " + String.join(", ", report.created()));
      }
      if (report.ok()) {
        return null;
      }
      report.mismatches().forEach(m -> context.err().println("MISMATCH " + m));
      context
          .err()
          .println(
              "The cluster's topics differ from the catalog. Delete and re-create them, or set"
                  + " topics.<name>.partitions in --config to match.");
      return MISMATCH;
    }
  }
}
