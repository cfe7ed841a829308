package io.streamsentinel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Words a failed Javalin validation ({@code ctx.pathParamAsClass}, {@code queryParamAsClass},
 * {@code bodyValidator}) as the API's error body, {@code {"error": .., "field": ..}}: the first
 * failed field, and what is wrong with it in a sentence rather than Javalin's codes.
 */
final class RequestErrors {

  /** Javalin's key for the request body as a whole. */
  private static final String JAVALIN_BODY = "REQUEST_BODY";

  private RequestErrors() {}

  static Map<String, Object> body(ValidationException e) {
    Map.Entry<String, List<ValidationError<Object>>> first =
        e.getErrors().entrySet().iterator().next();
    String field = first.getKey();
    ValidationError<Object> error = first.getValue().get(0);
    if (JAVALIN_BODY.equals(field)) {
      return bodyProblem(error);
    }
    return WebServer.errorBody(field + ": " + problem(error), field);
  }

  private static String problem(ValidationError<Object> error) {
    Exception cause = error.exception();
    return switch (error.getMessage()) {
      case "TYPE_CONVERSION_FAILED" ->
          cause instanceof NumberFormatException || cause == null
              ? "must be a whole number, got '" + error.value + "'"
              : cause.getMessage(); // our converters word their own problem
      case "NULLCHECK_FAILED" -> "required";
      default -> error.getMessage(); // the message of a .check(..)
    };
  }

  /** A body that is not JSON, not an object, or has a field of the wrong type. */
  private static Map<String, Object> bodyProblem(ValidationError<Object> error) {
    Exception cause = error.exception();
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      JsonMappingException.Reference at = m.getPath().get(0);
      String field = at.getFieldName() == null ? "body" : at.getFieldName();
      return WebServer.errorBody(field + ": must be a " + typeName(m.getTargetType()), field);
    }
    if (cause instanceof MismatchedInputException) {
      return WebServer.errorBody("body: a JSON object is required", "body");
    }
    if (cause instanceof JsonProcessingException j) {
      return WebServer.errorBody("body: not valid JSON: " + j.getOriginalMessage(), "body");
    }
    return WebServer.errorBody("body: " + error.getMessage(), "body");
  }

  private static String typeName(Class<?> type) {
    return type == String.class ? "string" : "value of another kind";
  }
}
