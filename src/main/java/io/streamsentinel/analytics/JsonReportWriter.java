package io.streamsentinel.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.streamsentinel.codec.Json;
import java.io.IOException;
import java.io.Writer;

/** The report as one JSON object with snake_case keys (see {@link ReportFigures}). */
final class JsonReportWriter {

  private static final ObjectWriter JSON =
      Json.mapper()
          .writerWithDefaultPrettyPrinter()
          // The caller owns the writer (it may be stdout).
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonReportWriter() {}

  static void write(AnalyticsReport report, Writer out) throws IOException {
    JSON.writeValue(out, ReportFigures.document(report));
    out.write(System.lineSeparator());
  }
}
