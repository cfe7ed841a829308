package io.streamsentinel.cli;

import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.learning.ImportLine;
import io.streamsentinel.learning.ImportResult;
import io.streamsentinel.learning.LabelFileException;
import io.streamsentinel.learning.LabelImport;
import io.streamsentinel.learning.LabelPublisher;
import io.streamsentinel.runtime.ProgressLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sentinel labels import}: verdicts from a file into fraud-feedback. */
@Command(
    name = "labels",
    mixinStandardHelpOptions = true,
    description = "Fraud labels on fraud-feedback (key user_id): import them from a file.",
    subcommands = {LabelsCommand.Import.class})
final class LabelsCommand {

  /** Exit code when some lines were bad or the file cannot be read. */
  static final int BAD_INPUT = 2;

  /** Bad lines printed one by one; the rest are only counted. */
  private static final int PRINTED_BAD_LINES = 20;

  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Sends the labels in FILE to fraud-feedback, keyed by user_id, with an idempotent producer.",
        "FILE is CSV with a header line transaction_id,is_fraud[,user_id][,labelled_at] (columns in any order;"
            + " is_fraud is true/false or 1/0; no quoted fields), or JSON lines: one label event object per"
            + " line, {\"transaction_id\":..,\"is_fraud\":true,\"user_id\":..,\"source\":..,\"labelled_at\":..}."
            + " A first non-blank character '{' means JSON lines. Blank lines are skipped.",
        "A label without user_id is sent with no key and lands on any partition. A label without labelled_at"
            + " is labelled now; a JSON line's own source wins over --source.",
        "Bad lines are skipped and reported on stderr with their line number (the first 20, then a count);"
            + " the good ones are still sent. Progress each second on stderr, a summary on stdout.",
        "Exit codes: 0 every line sent; 2 some lines bad (the rest sent), or FILE unreadable or its header"
            + " wrong (nothing sent); 1 some sends failed."
      })
  static final class Import implements Callable<Integer> {

    private final CliContext context;

    @Mixin KafkaOptions kafka;

    @Parameters(paramLabel = "FILE", description = "The label file, CSV or JSON lines.")
    Path file;

    @Option(
        names = "--source",
        paramLabel = "NAME",
        defaultValue = Label.IMPORT,
        description =
            "Who gave these verdicts, e.g. chargeback or analyst (default: ${DEFAULT-VALUE}).")
    String source;

    private long printedBad;
    private long lastProgressNanos;
    private long startNanos;

    Import(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        context.err().println("labels import: cannot read " + file + ": no such readable file");
        return BAD_INPUT;
      }
      KafkaConfig config = kafka.config();
      Topics.ensure(context, config);
      ImportResult result;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          KafkaProducer<String, byte[]> producer =
              new KafkaProducer<>(
                  config.clients().idempotentProducer(ClientCatalog.LABELS).toProperties())) {
        LabelImport lines = new LabelImport(in, source, Clock.systemUTC());
        LabelPublisher publisher = new LabelPublisher(producer);
        startNanos = System.nanoTime();
        lastProgressNanos = startNanos;
        result =
            publisher.importAll(
                lines, line -> onLine(line, lines, publisher), context.shutdown()::isRequested);
      } catch (IllegalArgumentException | LabelFileException e) {
        context.err().println("labels import: " + file + ": " + e.getMessage());
        return BAD_INPUT;
      } catch (IOException e) {
        context.err().println("labels import: cannot read " + file + ": " + e.getMessage());
        return BAD_INPUT;
      }
      return summarize(result);
    }

    private void onLine(ImportLine line, LabelImport lines, LabelPublisher publisher) {
      if (line instanceof ImportLine.Bad bad && ++printedBad <= PRINTED_BAD_LINES) {
        context.err().println("labels import: line " + bad.number() + ": " + bad.reason());
      }
      long now = System.nanoTime();
      if (now - lastProgressNanos >= PROGRESS_EVERY_NANOS) {
        lastProgressNanos = now;
        double seconds = (now - startNanos) / 1e9;
        context
            .err()
            .println(
                ProgressLine.open(
                        seconds,
                        "importing " + file + ":",
                        lines.linesRead(),
                        "lines",
                        lines.linesRead() / seconds)
                    + String.format(
                        Locale.ROOT,
                        "  acked %,d  failed %,d",
                        publisher.fraud() + publisher.legitimate(),
                        publisher.failed()));
      }
    }

    private int summarize(ImportResult r) {
      if (r.badLines() > PRINTED_BAD_LINES) {
        context
            .err()
            .printf(
                Locale.ROOT,
                "labels import: ... and %,d more bad lines%n",
                r.badLines() - PRINTED_BAD_LINES);
      }
      if (r.fatalError() != null) {
        context.err().println("labels import: stopped by a send error: " + r.fatalError());
      }
      context
          .out()
          .printf(
              Locale.ROOT,
              "Imported %s to %s: %,d lines read, %,d labels sent (%,d fraud / %,d legitimate),"
                  + " %,d bad lines, %,d failed sends%n",
              file,
              TopicCatalog.FRAUD_FEEDBACK,
              r.linesRead(),
              r.sent(),
              r.fraud(),
              r.legitimate(),
              r.badLines(),
              r.failedSends());
      if (r.failedSends() > 0 || r.fatalError() != null) {
        return 1;
      }
      return r.badLines() > 0 ? BAD_INPUT : 0;
    }
  }
}
