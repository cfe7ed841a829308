package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The guide table must not change a single pick: the stream of a seed depends on every one. */
class ArrivalProcessTest {

  @Test
  void shouldPickTheSameUserAsAPlainBinarySearchForEveryTicket() {
    List<SyntheticUser> users = new UserFactory(new SplittableRandom(11), "test").create(5_000);
    UserState[] states = users.stream().map(UserState::new).toArray(UserState[]::new);
    ArrivalProcess arrivals =
        new ArrivalProcess(
            states,
            new SimulatedTimeline(Instant.parse("2026-01-01T00:00:00Z")),
            new SplittableRandom(12));
    double[] cumulative = new double[states.length];
    double total = 0;
    for (int i = 0; i < states.length; i++) {
      total += ArrivalProcess.peakRatePerSecond(users.get(i));
      cumulative[i] = total;
    }
    double step = total / states.length;
    SplittableRandom tickets = new SplittableRandom(13);
    for (int i = 0; i < 200_000; i++) {
      double ticket = tickets.nextDouble() * total;
      assertThat(arrivals.pick(ticket))
          .as("ticket %s", ticket)
          .isEqualTo(search(cumulative, ticket));
    }
    // Tickets on and right next to the guide's bucket edges and the users' own boundaries.
    for (int b = 0; b <= states.length; b++) {
      for (double edge : new double[] {b * step, cumulative[Math.min(b, states.length - 1)]}) {
        for (double ticket : new double[] {Math.nextDown(edge), edge, Math.nextUp(edge)}) {
          if (ticket >= 0) {
            assertThat(arrivals.pick(ticket))
                .as("ticket %s", ticket)
                .isEqualTo(search(cumulative, ticket));
          }
        }
      }
    }
  }

  /** The original pick: the first index whose cumulative rate exceeds the ticket, or the last. */
  private static int search(double[] cumulative, double ticket) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > ticket) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
