package io.streamsentinel.persistence;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/** Small JSON values for JSONB parameters, without building object trees. */
final class JsonText {

  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  private JsonText() {}

  /** A JSON array of strings. */
  static String array(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      quote(json, values.get(i));
    }
    return json.append(']').toString();
  }

  /** A JSON object of string pairs: name, value, name, value...; null values are left out. */
  static String object(String... pairs) {
    StringBuilder json = new StringBuilder("{");
    boolean first = true;
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        continue;
      }
      if (!first) {
        json.append(',');
      }
      quote(json, pairs[i]);
      json.append(':');
      quote(json, pairs[i + 1]);
      first = false;
    }
    return json.append('}').toString();
  }

  private static void quote(StringBuilder json, String value) {
    json.append('"');
    ENCODER.quoteAsString(value, json);
    json.append('"');
  }
}
