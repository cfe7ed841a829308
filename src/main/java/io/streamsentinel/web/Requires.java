package io.streamsentinel.web;

import io.javalin.security.RouteRole;
import io.streamsentinel.access.Role;

/**
 * What a route asks of its caller, declared with the route ({@code config.routes.get(path, handler,
 * Requires.VIEWER)}) and enforced in one place, {@link HttpGuard}. A route that declares nothing is
 * open to {@link #ADMIN} only: forgetting a role must close a route, not open it.
 */
public enum Requires implements RouteRole {
  /** No key: {@code /health} and the page's static files (which hold no data). */
  PUBLIC(null),
  VIEWER(Role.VIEWER),
  ANALYST(Role.ANALYST),
  OPERATOR(Role.OPERATOR),
  ADMIN(Role.ADMIN);

  private final Role role;

  Requires(Role role) {
    this.role = role;
  }

  /** The least role a key needs; null for {@link #PUBLIC}. */
  public Role role() {
    return role;
  }
}
