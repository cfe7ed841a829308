package io.streamsentinel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streamsentinel.bench.DrainMeasurement;
import io.streamsentinel.bench.PassThroughTopology;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.config.DataDirs;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorCounters;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.streaming.FraudTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentinel bench}: measured performance, as ratios to Kafka's own ceiling in the same
 * invocation.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks. Only the detect scenario exists so far.",
    subcommands = BenchCommand.Detect.class)
final class BenchCommand {

  @Command(
      name = "detect",
      mixinStandardHelpOptions = true,
      description = {
        "Pre-loads N generated transactions, then measures the drain rate of the detector with exactly_once_v2 and"
            + " with at_least_once and, in the same invocation, of a pass-through Streams stage (one RocksDB"
            + " get/put per record, input forwarded unchanged). Runs interleave; each variant warms up once first.",
        "Uses a fresh embedded broker in a temporary folder unless --bootstrap-servers is given."
      })
  static final class Detect implements Callable<Integer> {
    private static final String PASS_THROUGH_OUTPUT = "bench-pass-through";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

    private final CliContext context;
    @Mixin KafkaOptions kafka;

    @Option(
        names = "--records",
        defaultValue = "1000000",
        paramLabel = "N",
        description = "Transactions to pre-load (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(
        names = "--runs",
        defaultValue = "3",
        paramLabel = "K",
        description = "Measured runs of each variant (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--users",
        defaultValue = "100000",
        paramLabel = "U",
        description = "Synthetic users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    Detect(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      // Under ./data, not the OS temp folder, which the OS may clean under a running Streams state
      // directory.
      Files.createDirectories(Path.of("data"));
      Path work = Files.createTempDirectory(Path.of("data"), "bench-");
      EmbeddedKafkaBroker broker = null;
      try {
        if (!kafka.clusterGiven()) {
          broker =
              new EmbeddedKafkaBroker(
                      new BrokerSettings("localhost", 0, work.resolve("kafka"), true))
                  .start();
          kafka.useCluster(broker.bootstrapServers());
        }
        Integer mismatch = Topics.ensure(context, kafka);
        if (mismatch != null) {
          return mismatch;
        }
        ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
        prepare(clients);
        Map<String, List<Double>> rates = measure(clients, work);
        report(rates);
        return 0;
      } finally {
        if (broker != null) {
          broker.close();
        }
        DataDirs.deleteRecursively(work);
      }
    }

    private void prepare(ClientConfigFactory clients) throws Exception {
      try (Admin admin = Admin.create(clients.admin("sentinel-bench").toProperties())) {
        int partitions = kafka.catalog().topic(TopicCatalog.TRANSACTIONS).partitions();
        admin
            .createTopics(List.of(new NewTopic(PASS_THROUGH_OUTPUT, partitions, (short) 1)))
            .all()
            .get();
      }
      context
          .out()
          .printf(Locale.ROOT, "Pre-loading %,d transactions (%,d users)...%n", records, users);
      GeneratorSettings settings =
          new GeneratorSettings(7, users, 0.01, Instant.parse("2026-01-01T00:00:00Z"));
      GeneratorRun run =
          new GeneratorRun(
              clients,
              settings,
              new TransactionCodec(kafka.configFile().transactionLimits()),
              new PublishPlan(TopicCatalog.TRANSACTIONS, 0, records, null));
      PublishProgress progress = new PublishProgress(run.stats(), records);
      try (run) {
        run.awaitEnd(
            context.shutdown(), () -> context.out().println(progress.line(run.elapsedSeconds())));
      }
      if (run.stats().acked() != records) {
        throw new IllegalStateException("pre-load acked " + run.stats().acked() + " of " + records);
      }
    }

    private Map<String, List<Double>> measure(ClientConfigFactory clients, Path work)
        throws Exception {
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      String[] variants = {"passthrough_eos", "detector_eos", "passthrough_alos", "detector_alos"};
      for (int run = 0; run <= runs; run++) {
        for (String variant : variants) {
          double rate = runOnce(clients, work, variant, run);
          String label = run == 0 ? "warm-up" : "run " + run;
          context.out().printf(Locale.ROOT, "%-18s %-8s %,10.0f tx/s%n", variant, label, rate);
          if (run > 0) {
            rates.computeIfAbsent(variant, k -> new ArrayList<>()).add(rate);
          }
        }
      }
      return rates;
    }

    private double runOnce(ClientConfigFactory clients, Path work, String variant, int run)
        throws Exception {
      Guarantee guarantee =
          variant.endsWith("eos") ? Guarantee.EXACTLY_ONCE : Guarantee.AT_LEAST_ONCE;
      String appId = "bench-" + variant.replace('_', '-') + "-" + run + "-" + System.nanoTime();
      Path state = work.resolve(appId);
      Properties props = new Properties();
      props.putAll(
          clients.streams(new StreamsSettings(appId, guarantee, 1, state, null)).toProperties());
      try {
        if (variant.startsWith("passthrough")) {
          LongAdder processed = new LongAdder();
          return DrainMeasurement.run(
              PassThroughTopology.build(TopicCatalog.TRANSACTIONS, PASS_THROUGH_OUTPUT, processed),
              props,
              records,
              processed::sum,
              RUN_TIMEOUT);
        }
        DetectorCounters counters = new DetectorCounters();
        return DrainMeasurement.run(
            FraudTopology.build(DetectorSettings.defaults(RuleSetCodec.loadDefault()), counters),
            props,
            records,
            counters::scoredCount,
            RUN_TIMEOUT);
      } finally {
        DataDirs.deleteRecursively(state);
      }
    }

    private void report(Map<String, List<Double>> rates) throws Exception {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("records", records);
      out.put("runs", runs);
      out.put("eos_tx_per_s", median(rates.get("detector_eos")));
      out.put("alos_tx_per_s", median(rates.get("detector_alos")));
      out.put("passthrough_tx_per_s", median(rates.get("passthrough_eos")));
      out.put("passthrough_alos_tx_per_s", median(rates.get("passthrough_alos")));
      out.put(
          "eos_ratio", median(rates.get("detector_eos")) / median(rates.get("passthrough_eos")));
      out.put(
          "alos_ratio", median(rates.get("detector_alos")) / median(rates.get("passthrough_alos")));
      Map<String, Object> detail = new LinkedHashMap<>();
      rates.forEach(
          (k, v) ->
              detail.put(
                  k,
                  Map.of(
                      "median",
                      median(v),
                      "min",
                      v.stream().mapToDouble(d -> d).min().orElse(0),
                      "max",
                      v.stream().mapToDouble(d -> d).max().orElse(0),
                      "all",
                      v)));
      out.put("variants", detail);
      out.put(
          "machine",
          Map.of(
              "cores",
              Runtime.getRuntime().availableProcessors(),
              "jvm",
              System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
              "max_heap_mb",
              Runtime.getRuntime().maxMemory() / (1024 * 1024),
              "profile",
              kafka.kafkaSettings().profile().cliName(),
              "broker",
              kafka.kafkaSettings().bootstrapServers(),
              "stream_threads",
              1));
      context
          .out()
          .printf(
              Locale.ROOT,
              "%nMedians over %d runs of %,d records:%n  detector exactly_once_v2 %,.0f tx/s, pass-through %,.0f tx/s,"
                  + " ratio %.2f%n  detector at_least_once  %,.0f tx/s, pass-through %,.0f tx/s, ratio %.2f%n",
              runs,
              records,
              out.get("eos_tx_per_s"),
              out.get("passthrough_tx_per_s"),
              out.get("eos_ratio"),
              out.get("alos_tx_per_s"),
              out.get("passthrough_alos_tx_per_s"),
              out.get("alos_ratio"));
      if (json != null) {
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(json.toFile(), out);
        context.out().println("Written to " + json);
      }
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }
}
