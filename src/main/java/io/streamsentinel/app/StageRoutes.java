package io.streamsentinel.app;

import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.UserStateLookup;
import io.streamsentinel.web.RouteGroup;
import io.streamsentinel.web.UserRoutes;
import java.time.Clock;
import org.apache.kafka.streams.state.HostInfo;

/** The HTTP routes a stage serves over its own state. */
public final class StageRoutes {

  private StageRoutes() {}

  /**
   * The user API over a detector's state.
   *
   * @param endpoint where this process serves HTTP, as announced in {@code application.server}
   */
  public static RouteGroup users(DetectorService detector, HostInfo endpoint) {
    return new UserRoutes(
        new UserStateLookup(detector.streams(), endpoint)::find, Clock.systemUTC());
  }
}
