package io.streamsentinel.codec;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one convention for cold-path JSON (API answers, reports, summaries, the responder's events):
 *
 * <ul>
 *   <li>snake_case property names ({@code transactionId} is {@code transaction_id});
 *   <li>instants as ISO-8601 text, exactly {@link java.time.Instant#toString} (as many fraction
 *       digits as needed, in groups of three), never epoch numbers;
 *   <li>{@link java.math.BigDecimal} as a plain decimal ({@code 0.00000001}, not {@code 1E-8}):
 *       money is never in scientific notation;
 *   <li>unknown properties are skipped when reading, as every hand-written reader did: a newer
 *       writer may add fields.
 * </ul>
 *
 * <p>The per-record hot path (transactions, decisions, profiles) does not use it: those codecs are
 * hand-written, on Jackson's streaming API or straight into bytes, and measured (see {@code
 * src/jmh}).
 */
public final class Json {

  private Json() {}

  /**
   * A new mapper with the convention. It is thread-safe once built: keep one in a {@code static
   * final} field, and derive variants with {@link ObjectMapper#writer}/{@link ObjectMapper#reader}
   * (e.g. {@code writerWithDefaultPrettyPrinter()}) or on a {@link ObjectMapper#copy}, never by
   * reconfiguring a shared instance.
   */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
