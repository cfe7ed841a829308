package io.streamsentinel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamsentinel.codec.Json;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.persistence.CaseDetail;
import io.streamsentinel.persistence.CaseException;
import io.streamsentinel.persistence.CaseQuery;
import io.streamsentinel.persistence.CaseService;
import io.streamsentinel.persistence.CaseStatus;
import io.streamsentinel.persistence.CaseView;
import io.streamsentinel.persistence.FeedbackPublisher;
import io.streamsentinel.persistence.Resolution;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sentinel cases list|show|assign|resolve}: review-case work from the command line. */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = {
      "Review cases (opened by MANUAL_REVIEW and OPEN_INVESTIGATION actions): list, show, assign, resolve.",
      "Reads the database the persistence sink writes (the embedded one attaches to a running demo). A"
          + " resolution is audit-logged and published to fraud-feedback as a label event."
    },
    subcommands = {
      CasesCommand.ListCases.class,
      CasesCommand.Show.class,
      CasesCommand.Assign.class,
      CasesCommand.Resolve.class
    })
final class CasesCommand {

  /** What every case subcommand shares: where the database and Kafka are, and --json. */
  abstract static class CaseWork implements Callable<Integer> {
    final CliContext context;
    @Mixin DatabaseOptions db;
    @Mixin KafkaOptions kafka;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    CaseWork(CliContext context) {
      this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
      try (Database database = Database.open(db.settings(false));
          KafkaProducer<String, byte[]> producer =
              new KafkaProducer<>(
                  kafka.config().clients().producer(ClientCatalog.CASES).toProperties());
          FeedbackPublisher feedback =
              new FeedbackPublisher(database, producer, Clock.systemUTC())) {
        return work(new CaseService(database, feedback, Clock.systemUTC()), feedback);
      } catch (CaseException e) {
        context.err().println("cases: " + e.getMessage());
        return e.kind() == CaseException.Kind.INVALID ? 2 : 1;
      } catch (DatabaseException e) {
        context.err().println("cases: " + e.getMessage());
        return 1;
      }
    }

    abstract int work(CaseService cases, FeedbackPublisher feedback) throws Exception;

    void print(Object value, String text) throws JsonProcessingException {
      context
          .out()
          .println(
              json
                  ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)
                  : text);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists cases, oldest first.")
  static final class ListCases extends CaseWork {
    @Option(names = "--status", paramLabel = "S", description = "open, in_review or resolved.")
    String status;

    @Option(names = "--assignee", paramLabel = "ANALYST", description = "Only this analyst's.")
    String assignee;

    @Option(names = "--user", paramLabel = "USER", description = "Only this user's.")
    String user;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N cases (default: ${DEFAULT-VALUE}).")
    int limit;

    ListCases(CliContext context) {
      super(context);
    }

    @Override
    int work(CaseService cases, FeedbackPublisher feedback) throws Exception {
      CaseStatus wanted;
      try {
        wanted = status == null ? null : CaseStatus.parse(status);
      } catch (IllegalArgumentException e) {
        throw CaseException.invalid("--status", e.getMessage());
      }
      List<CaseView> found = cases.list(new CaseQuery(wanted, assignee, null, user, limit));
      print(found, CaseText.table(found));
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one case in full.")
  static final class Show extends CaseWork {
    @Parameters(paramLabel = "CASE_ID", description = "The case number.")
    long caseId;

    Show(CliContext context) {
      super(context);
    }

    @Override
    int work(CaseService cases, FeedbackPublisher feedback) throws Exception {
      Optional<CaseDetail> found = cases.find(caseId);
      if (found.isEmpty()) {
        context.err().println("cases: case " + caseId + " not found");
        return 1;
      }
      print(found.get(), CaseText.detail(found.get()));
      return 0;
    }
  }

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = "Puts a case in review with an analyst.")
  static final class Assign extends CaseWork {
    @Parameters(paramLabel = "CASE_ID", description = "The case number.")
    long caseId;

    @Option(names = "--analyst", required = true, paramLabel = "NAME", description = "Who.")
    String analyst;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (optional).")
    String note;

    Assign(CliContext context) {
      super(context);
    }

    @Override
    int work(CaseService cases, FeedbackPublisher feedback) throws Exception {
      CaseView view = cases.assign(caseId, analyst, note);
      print(view, "Case " + caseId + " is in review with " + view.assignee() + ".");
      return 0;
    }
  }

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description =
          "Resolves a case as confirmed_fraud or false_positive; audit-logged and sent to fraud-feedback.")
  static final class Resolve extends CaseWork {
    @Parameters(paramLabel = "CASE_ID", description = "The case number.")
    long caseId;

    @Option(
        names = "--resolution",
        required = true,
        paramLabel = "R",
        description = "confirmed_fraud or false_positive.")
    String resolution;

    @Option(names = "--analyst", required = true, paramLabel = "NAME", description = "Who.")
    String analyst;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why.")
    String note;

    Resolve(CliContext context) {
      super(context);
    }

    @Override
    int work(CaseService cases, FeedbackPublisher feedback) throws Exception {
      Resolution verdict;
      try {
        verdict = Resolution.parse(resolution);
      } catch (IllegalArgumentException e) {
        throw CaseException.invalid("--resolution", e.getMessage());
      }
      CaseView view = cases.resolve(caseId, verdict, analyst, note);
      String sent;
      try {
        sent = feedback.publishPending() > 0 ? "sent to fraud-feedback" : "already sent";
      } catch (SQLException | RuntimeException e) {
        sent =
            "queued: not sent now ("
                + e.getMessage()
                + "); a running sink or demo sends it when Kafka is back";
      }
      print(
          view,
          String.format(
              Locale.ROOT,
              "Case %d resolved as %s by %s; label event %s.",
              caseId,
              view.resolution(),
              view.resolvedBy(),
              sent));
      return 0;
    }
  }
}
