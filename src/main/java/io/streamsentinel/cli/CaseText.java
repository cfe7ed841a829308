package io.streamsentinel.cli;

import io.streamsentinel.persistence.CaseDetail;
import io.streamsentinel.persistence.CaseView;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Review cases as text for people. */
final class CaseText {

  private CaseText() {}

  static String table(List<CaseView> cases) {
    if (cases.isEmpty()) {
      return "No cases match.";
    }
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-7s %-10s %-18s %-14s %-9s %-14s %-20s %s%n",
                "CASE",
                "STATUS",
                "KIND",
                "USER",
                "SEVERITY",
                "ASSIGNEE",
                "OPENED",
                "REASONS"));
    for (CaseView c : cases) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-7d %-10s %-18s %-14s %-9s %-14s %-20s %s%n",
              c.caseId(),
              c.status(),
              c.kind(),
              c.userId(),
              c.severity(),
              c.assignee() == null ? "-" : c.assignee(),
              c.openedAt().truncatedTo(ChronoUnit.SECONDS),
              String.join(",", c.reasons())));
    }
    return out.append(cases.size()).append(" case(s)").toString();
  }

  static String detail(CaseDetail d) {
    CaseView c = d.caseInfo();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Case %d  %s  %s  user %s  severity %s%n  opened %s, updated %s%s%n",
            c.caseId(),
            c.status(),
            c.kind(),
            c.userId(),
            c.severity(),
            c.openedAt(),
            c.updatedAt(),
            c.assignee() == null ? "" : ", assignee " + c.assignee()));
    if (c.resolution() != null) {
      out.append(
          String.format(
              Locale.ROOT,
              "  resolved %s as %s by %s%s%n",
              c.resolvedAt(),
              c.resolution(),
              c.resolvedBy(),
              c.resolutionNote() == null ? "" : ": " + c.resolutionNote()));
    }
    if (d.decision() != null) {
      out.append("Transaction:\n  ").append(line(d.decision())).append('\n');
      d.decision()
          .reasons()
          .forEach(
              r ->
                  out.append("    ")
                      .append(r.get("code"))
                      .append(": ")
                      .append(r.get("detail"))
                      .append('\n'));
    }
    if (d.account() != null) {
      out.append("Account: ").append(d.account().status());
      out.append(d.account().reason() == null ? "" : " (" + d.account().reason() + ")")
          .append('\n');
    }
    out.append("Recent history (newest first):\n");
    d.recentHistory().forEach(h -> out.append("  ").append(line(h)).append('\n'));
    out.append("Recent actions:\n");
    d.recentActions()
        .forEach(
            a ->
                out.append(
                    String.format(
                        Locale.ROOT, "  %s %s by %s%n", a.decidedAt(), a.actionType(), a.actor())));
    out.append("Audit:\n");
    d.audit()
        .forEach(
            a ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %s %s %s%s%n",
                        a.at(),
                        a.actor(),
                        a.action(),
                        a.reason() == null ? "" : ": " + a.reason())));
    return out.toString().stripTrailing();
  }

  private static String line(CaseDetail.DecisionView d) {
    return String.format(
        Locale.ROOT,
        "%s %s %s %s %s (%s, %s) score %.3f %s",
        d.eventTime(),
        d.transactionId(),
        d.amount().toPlainString(),
        d.currency() == null ? "" : d.currency(),
        d.merchant() == null ? "?" : d.merchant(),
        d.merchantCategory() == null ? "?" : d.merchantCategory(),
        d.country() == null ? "?" : d.country(),
        d.score(),
        d.severity());
  }
}
