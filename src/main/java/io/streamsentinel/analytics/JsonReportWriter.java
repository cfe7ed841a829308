package io.streamsentinel.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** The report as one JSON object with snake_case keys (see {@link ReportFigures}). */
final class JsonReportWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // The caller owns the writer (it may be stdout).
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonReportWriter() {}

  static void write(AnalyticsReport report, Writer out) throws IOException {
    JSON.writeValue(out, ReportFigures.document(report));
    out.write(System.lineSeparator());
  }
}
