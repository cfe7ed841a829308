package io.streamsentinel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.Json;

/**
 * The JSON of the API (and of the CLI's --json output): {@link Json#mapper()}'s convention. Kept
 * only for {@code cli.CasesCommand}, which should call {@link Json#mapper()} itself; then this
 * class goes.
 */
public final class JsonMapper {

  private JsonMapper() {}

  /** A new mapper with the project's conventions. */
  public static ObjectMapper create() {
    return Json.mapper();
  }
}
