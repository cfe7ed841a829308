package io.streamsentinel.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.Json;
import io.streamsentinel.detection.SeverityScale;
import io.streamsentinel.detection.drift.DriftReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The value of a {@code fraud-models} record: JSON with the version's metadata and the model bytes
 * gzip-compressed and base64-encoded ({@code model_gzip_base64}), so that a model of hundreds of
 * trees fits a record of about a megabyte. The key is the version.
 */
public final class ModelRecordCodec {

  private static final ObjectMapper MAPPER = Json.mapper();

  /** A model inflates to at most this much: a guard against a record built to exhaust memory. */
  private static final int MAX_MODEL_BYTES = 256 * 1024 * 1024;

  private ModelRecordCodec() {}

  private record Wire(
      String version,
      String status,
      Instant createdAt,
      Instant statusChangedAt,
      String sha256,
      String library,
      String format,
      List<String> inputs,
      Instant trainedFrom,
      Instant trainedUntil,
      Map<String, Long> labelCounts,
      Map<String, Object> holdout,
      Map<String, Object> parameters,
      SeverityScale severityThresholds,
      String modelGzipBase64,
      DriftReference driftReference) {}

  public static byte[] encode(ModelVersion m) {
    Wire wire =
        new Wire(
            m.version(),
            m.status().wireName(),
            m.createdAt(),
            m.statusChangedAt(),
            m.sha256(),
            m.library(),
            m.format(),
            m.inputs(),
            m.trainedFrom(),
            m.trainedUntil(),
            m.labelCounts(),
            m.holdout(),
            m.parameters(),
            m.severities(),
            Base64.getEncoder().encodeToString(gzip(m.model())),
            m.reference());
    try {
      return MAPPER.writeValueAsBytes(wire);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode model " + m.version(), e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a model record; the message says why
   */
  public static ModelVersion decode(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("a model record has no value");
    }
    Wire w;
    try {
      w = MAPPER.readValue(bytes, Wire.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a model record: " + e.getMessage(), e);
    }
    if (w.version() == null || w.status() == null || w.sha256() == null) {
      throw new IllegalArgumentException("a model record needs version, status and sha256");
    }
    requireWritable(w.version(), "inputs", w.inputs());
    requireWritable(
        w.version(), "label_counts", w.labelCounts() == null ? null : w.labelCounts().values());
    requireWritable(w.version(), "holdout", w.holdout() == null ? null : w.holdout().values());
    requireWritable(
        w.version(), "parameters", w.parameters() == null ? null : w.parameters().values());
    if (w.modelGzipBase64() == null) {
      throw new IllegalArgumentException("model " + w.version() + " has no model_gzip_base64");
    }
    byte[] model;
    try {
      model = gunzip(Base64.getDecoder().decode(w.modelGzipBase64()));
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException(
          "model " + w.version() + ": the model bytes are corrupt: " + e.getMessage(), e);
    }
    return new ModelVersion(
        w.version(),
        ModelStatus.fromWire(w.status()),
        w.createdAt(),
        w.statusChangedAt(),
        w.sha256(),
        w.library(),
        w.format(),
        w.inputs() == null ? List.of() : w.inputs(),
        w.trainedFrom(),
        w.trainedUntil(),
        w.labelCounts() == null ? Map.of() : w.labelCounts(),
        w.holdout(),
        w.parameters(),
        model,
        w.severityThresholds(),
        w.driftReference());
  }

  /**
   * Refuses a JSON null among the values, which the version's immutable copies cannot hold, and a
   * number too large for a double (1e400), which would be written back as the text "Infinity".
   */
  private static void requireWritable(String version, String field, Collection<?> values) {
    if (values == null) {
      return;
    }
    for (Object value : values) {
      if (value == null) {
        throw new IllegalArgumentException("model " + version + ": " + field + " holds a null");
      }
      if (value instanceof Double d && !Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "model " + version + ": " + field + " holds the number " + d);
      }
    }
  }

  /** The hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] out = in.readNBytes(MAX_MODEL_BYTES + 1);
      if (out.length > MAX_MODEL_BYTES) {
        throw new IOException("the model inflates beyond " + MAX_MODEL_BYTES + " bytes");
      }
      return out;
    }
  }
}
