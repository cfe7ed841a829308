package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.streamsentinel.domain.InvalidTransactionException;
import io.streamsentinel.domain.Transaction;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Converts a {@link Transaction} to and from its JSON wire form: a flat object with snake_case
 * fields, the amount a JSON number with its exact decimal scale, the timestamp an ISO-8601 instant.
 *
 * <p>Thread-safe: it holds only its limits and one configured {@link JsonFactory}, and writes into
 * a buffer of the calling thread's ({@link JsonBytes#scratch()}). It sits on the per-record hot
 * path, so it reads the form its own writer sends straight from the bytes ({@link
 * CanonicalTransactionReader}) and every other form with Jackson's streaming API.
 */
public final class TransactionCodec {

  /** 0000-01-01T00:00:00Z. */
  private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");

  /** 10000-01-01T00:00:00Z, the first instant not accepted. */
  private static final Instant END_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

  private final TransactionLimits limits;
  private final JsonFactory factory;

  /**
   * @param limits never null
   */
  public TransactionCodec(TransactionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.factory =
        JsonFactory.builder()
            // Jackson's error locations could otherwise quote the input, and with it a card number.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Latitude, longitude and amount are parsed for every record; the JDK's parsers were a
            // tenth of the detector's decode time. These give the same correctly rounded double and
            // the same exact BigDecimal, only faster.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .build();
  }

  /** The limits this codec enforces when decoding; never null. */
  public TransactionLimits limits() {
    return limits;
  }

  /**
   * The UTF-8 JSON of the transaction, with its null fields left out. The limits are not applied: a
   * transaction is already valid, and the bounds guard what arrives, not what we send.
   *
   * @param tx never null
   */
  public byte[] encode(Transaction tx) {
    Objects.requireNonNull(tx, "tx");
    JsonBytes out = JsonBytes.scratch();
    TransactionWriter.write(out, tx);
    return out.toByteArray();
  }

  /**
   * Reads one transaction. Unknown fields are ignored; JSON null counts as absent; ids may be JSON
   * integers; the amount may be a string holding a plain decimal; the timestamp may be epoch
   * milliseconds. Text fields are bounded by {@link TransactionLimits#maxTextChars()} and may hold
   * no control characters or unpaired surrogates; the event time must lie in the years 0000-9999.
   *
   * @param bytes UTF-8 JSON; may be null, which is rejected as empty
   * @return never null
   * @throws InvalidTransactionException naming the offending JSON field, or {@link
   *     InvalidTransactionException#WHOLE_RECORD} when the record is empty, too large, not JSON or
   *     not an object
   */
  public Transaction decode(byte[] bytes) {
    return requireWithinYears(read(bytes));
  }

  /**
   * Reads one transaction as {@link #decode(byte[])} does, and also requires its event time to lie
   * within the limits' window around the record's own timestamp: at most {@link
   * TransactionLimits#maxEventAge()} before it and {@link TransactionLimits#maxEventLead()} after.
   *
   * @param recordTimestampMs the Kafka record's timestamp; a negative one (none) leaves only the
   *     bound on years that {@link #decode(byte[])} applies
   * @throws InvalidTransactionException as {@link #decode(byte[])}, and naming {@code timestamp}
   *     when the event time lies outside the window
   */
  public Transaction decode(byte[] bytes, long recordTimestampMs) {
    Transaction tx = decode(bytes);
    if (recordTimestampMs < 0) {
      return tx;
    }
    Instant record = Instant.ofEpochMilli(recordTimestampMs);
    if (tx.timestamp().isBefore(record.minus(limits.maxEventAge()))) {
      throw new InvalidTransactionException(
          "timestamp",
          tx.timestamp()
              + " is more than "
              + words(limits.maxEventAge())
              + " before the record timestamp "
              + record);
    }
    if (tx.timestamp().isAfter(record.plus(limits.maxEventLead()))) {
      throw new InvalidTransactionException(
          "timestamp",
          tx.timestamp()
              + " is more than "
              + words(limits.maxEventLead())
              + " after the record timestamp "
              + record);
    }
    return tx;
  }

  /**
   * Years 0000-9999 only, whatever the window: what every store and file name downstream can hold
   * (the sink names a partition per day), and the only years a clock in use can show.
   */
  private static Transaction requireWithinYears(Transaction tx) {
    if (tx.timestamp().isBefore(FIRST_INSTANT) || !tx.timestamp().isBefore(END_INSTANT)) {
      throw new InvalidTransactionException(
          "timestamp", tx.timestamp() + " is outside the years 0000-9999");
    }
    return tx;
  }

  private Transaction read(byte[] bytes) {
    requireAcceptableSize(bytes);
    Transaction canonical = CanonicalTransactionReader.read(bytes, limits);
    return canonical != null ? canonical : parse(bytes);
  }

  /**
   * Reads the record with Jackson's parser: every form {@link #decode(byte[])} accepts, and every
   * refusal; the size is already checked. Package-private for the tests, which hold {@link
   * CanonicalTransactionReader} against it.
   */
  Transaction parse(byte[] bytes) {
    try (JsonParser parser = factory.createParser(bytes)) {
      return new TransactionReader(parser, limits).read();
    } catch (JsonProcessingException e) {
      // Not chained: Jackson's own message may quote the offending token verbatim.
      throw new InvalidTransactionException(
          InvalidTransactionException.WHOLE_RECORD, "not valid JSON: " + ProblemText.reason(e));
    } catch (CharConversionException e) {
      // Bytes Jackson took for UTF-16 or UTF-32 and could not decode: the input, not the memory.
      throw new InvalidTransactionException(
          InvalidTransactionException.WHOLE_RECORD,
          "not valid JSON: " + ProblemText.safe(String.valueOf(e.getMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory failed", e);
    }
  }

  private void requireAcceptableSize(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidTransactionException(InvalidTransactionException.WHOLE_RECORD, "empty");
    }
    if (bytes.length > limits.maxRecordBytes()) {
      throw new InvalidTransactionException(
          InvalidTransactionException.WHOLE_RECORD,
          bytes.length + " bytes exceeds the limit of " + limits.maxRecordBytes() + " bytes");
    }
  }

  /** {@code 1096 days} for whole days, else ISO-8601 ({@code PT12H}). */
  private static String words(Duration d) {
    return d.toSeconds() % 86_400 == 0 ? d.toDays() + " days" : d.toString();
  }
}
