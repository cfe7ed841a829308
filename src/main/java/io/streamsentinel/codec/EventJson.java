package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;

/**
 * Databind for the responder's events ({@code fraud-alerts} as read by the policy, {@code
 * user-actions}, {@code account-status}): {@link Json#mapper()}'s convention, read strictly. A text
 * field takes only a JSON string, a number only a JSON number and an instant only ISO-8601 text (no
 * epoch numbers, no trimming), as the hand-written readers these records replaced did; and every
 * rejection names the field, e.g. {@code reasons[].code: expected a string but was a number}. What
 * the sink could not store is refused too: text with a NUL character, instants outside the years
 * 0000-9999.
 */
final class EventJson {

  private static final ObjectMapper WRITER = Json.mapper();

  private static final ObjectMapper READER = strict(Json.mapper().copy());

  private EventJson() {}

  /** The record as compact UTF-8 JSON. */
  static byte[] write(Object record) {
    try {
      return WRITER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + record.getClass().getSimpleName(), e);
    }
  }

  /**
   * The JSON object in {@code bytes} bound to {@code type}; fields it does not know are skipped.
   *
   * @param event names what was expected in messages, e.g. "an alert"
   * @throws IllegalArgumentException naming the field when the bytes are not such an object
   */
  static <T> T read(byte[] bytes, Class<T> type, String event) {
    T value;
    try (JsonParser p = READER.createParser(bytes)) {
      value = bind(p, type, event);
    } catch (IOException e) {
      throw EventFields.notJson(event, e);
    }
    if (value == null) {
      throw notAnObject(event); // the JSON literal null, or nothing at all
    }
    return value;
  }

  /** Binds, translating a value of the wrong shape while the parser still stands on it. */
  private static <T> T bind(JsonParser p, Class<T> type, String event) throws IOException {
    try {
      return READER.readValue(p, type);
    } catch (JsonMappingException e) {
      if (e.getPath().isEmpty()) {
        throw notAnObject(event);
      }
      throw new IllegalArgumentException(path(e) + ": " + problem(e, p.currentToken()), e);
    }
  }

  /** The text of a value any scalar may stand for, for fields that took any scalar as text. */
  static final class ScalarText extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    ScalarText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      return storable(p.getText());
    }
  }

  /**
   * Text as databind reads it, refused when it holds what the sink cannot store: PostgreSQL text
   * has no NUL character.
   */
  private static final class StorableText extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    StorableText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = StringDeserializer.instance.deserialize(p, ctxt);
      return text == null ? null : storable(text);
    }
  }

  /** The text, unless it holds a NUL character. */
  private static String storable(String text) {
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      // Databind puts the field's path in front of this message (see read).
      throw new IllegalArgumentException("contains a NUL character at index " + nul);
    }
    return text;
  }

  /**
   * An array that may be absent (then null) but not JSON null, as the hand-written readers had it;
   * its elements are read as usual.
   */
  static final class PresentArray extends StdDeserializer<Object>
      implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    /** The standard deserializer of the property's type; null until contextualised. */
    private final JsonDeserializer<?> standard;

    PresentArray() {
      this(null);
    }

    private PresentArray(JsonDeserializer<?> standard) {
      super(List.class);
      this.standard = standard;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      return new PresentArray(ctxt.findContextualValueDeserializer(property.getType(), property));
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return standard.deserialize(p, ctxt);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      throw MismatchedInputException.from(ctxt.getParser(), List.class, "null");
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return null;
    }
  }

  private static ObjectMapper strict(ObjectMapper mapper) {
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    // A verdict is a JSON true or false, never "yes", "true" or 1.
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float
        }) {
      mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper.registerModule(
        new SimpleModule("strict-values")
            .addDeserializer(Instant.class, new IsoInstant())
            .addDeserializer(String.class, new StorableText()));
  }

  /**
   * Only ISO-8601 text, read exactly as {@link Instant#parse} reads it, in the years 0000-9999 that
   * the sink can store.
   */
  private static final class IsoInstant extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText();
      Instant instant;
      try {
        instant = InstantText.parse(text);
      } catch (DateTimeParseException e) {
        // Databind puts the field's path in front of this message (see read).
        throw new IllegalArgumentException(
            "cannot parse "
                + ProblemText.quote(text)
                + " (expected ISO-8601 like 2026-11-25T12:00:00Z)");
      }
      if (!InstantText.hasFourDigitYear(instant)) {
        throw new IllegalArgumentException(
            ProblemText.quote(text) + " is outside the years 0000-9999");
      }
      return instant;
    }
  }

  private static IllegalArgumentException notAnObject(String event) {
    return new IllegalArgumentException(event + " must be a JSON object");
  }

  /** {@code reasons[].code}: field names joined by dots, array positions as {@code []}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() == null) {
        path.append("[]");
      } else {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      }
    }
    return path.toString();
  }

  private static String problem(JsonMappingException e, JsonToken actual) {
    if (e.getCause() instanceof IllegalArgumentException own) {
      return own.getMessage();
    }
    if (e instanceof MismatchedInputException m) {
      return "expected "
          + expected(m.getTargetType())
          + " but was "
          + (actual == null ? "the end of input" : WireValues.describe(actual));
    }
    return ProblemText.safe(String.valueOf(e.getOriginalMessage()));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == String.class || type == Instant.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
  }
}
