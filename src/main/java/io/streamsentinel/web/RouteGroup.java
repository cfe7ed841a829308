package io.streamsentinel.web;

import io.javalin.config.JavalinConfig;

/** One area's routes; Javalin 7 wants every route declared in the config block before start. */
@FunctionalInterface
public interface RouteGroup {

  /** Declares this area's routes (and only its own) on {@code config.routes}. */
  void register(JavalinConfig config);
}
