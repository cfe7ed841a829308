package io.streamsentinel.cli;

import io.streamsentinel.codec.Json;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.LagReport;
import io.streamsentinel.monitoring.PartitionLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel lag}: consumer lag per group and partition, like kafka-consumer-groups. */
@Command(
    name = "lag",
    mixinStandardHelpOptions = true,
    description = {
      "Prints, per consumer group and partition, the committed offset, the log-end offset, the lag and the"
          + " member that owns the partition: the figures of kafka-consumer-groups --describe, read with the"
          + " Admin API.",
      "Covers the system's groups that exist (fraud-detection-group, alert-response-group, persistence-group,"
          + " analytics-group); --group restricts, --all-groups widens.",
      "Exit code 2 when a group given with --group does not exist."
    })
final class LagCommand implements Callable<Integer> {

  private static final String FORMAT = "%-24s %-28s %9s %14s %14s %10s %-44s %-16s %s%n";

  private final CliContext context;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--group",
      paramLabel = "G",
      description = "Only this consumer group (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(names = "--all-groups", description = "Every consumer group of the cluster.")
  boolean allGroups;

  @Option(names = "--watch", description = "Print again every --interval until Ctrl-C.")
  boolean watch;

  @Option(
      names = "--interval",
      paramLabel = "D",
      defaultValue = "5s",
      converter = DurationOption.class,
      description = "Refresh interval of --watch (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--json", description = "Print the rows as a JSON array instead of a table.")
  boolean json;

  LagCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ClientConfigFactory clients = kafka.config().clients();
    try (Admin admin = Admin.create(clients.admin(ClientCatalog.LAG).toProperties())) {
      LagReport report = new LagReport(admin);
      do {
        List<String> existing = report.groups(allGroups || !groups.isEmpty());
        List<String> missing = groups.stream().filter(g -> !existing.contains(g)).toList();
        if (!missing.isEmpty()) {
          context.err().println("lag: no such consumer group: " + String.join(", ", missing));
          return 2;
        }
        print(report.describe(groups.isEmpty() ? existing : groups));
      } while (watch && !context.shutdown().awaitRequest(interval));
    }
    return 0;
  }

  private void print(List<PartitionLag> rows) throws Exception {
    if (json) {
      context.out().println(Json.mapper().writeValueAsString(rows));
      return;
    }
    if (rows.isEmpty()) {
      context.out().println("No consumer group of the system has offsets or members yet.");
      return;
    }
    context
        .out()
        .printf(
            FORMAT,
            "GROUP",
            "TOPIC",
            "PARTITION",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "CONSUMER-ID",
            "HOST",
            "CLIENT-ID");
    for (PartitionLag r : rows) {
      context
          .out()
          .printf(
              FORMAT,
              r.group(),
              r.topic(),
              r.partition(),
              dash(r.currentOffset()),
              r.logEndOffset(),
              dash(r.lag()),
              dash(r.consumerId()),
              dash(r.host()),
              dash(r.clientId()));
    }
    if (watch) {
      context.out().println();
    }
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
