package io.streamsentinel.generator;

import io.streamsentinel.domain.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Test vocabulary: the first events of a simulator together with its users. */
record SimulatedStream(
    List<Transaction> events,
    Map<String, SyntheticUser> users,
    Map<String, List<Transaction>> eventsByUser) {

  static SimulatedStream take(GeneratorSettings settings, int count) {
    TransactionSimulator simulator = new TransactionSimulator(settings);
    List<Transaction> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(simulator.next());
    }
    Map<String, SyntheticUser> users =
        simulator.users().stream()
            .collect(Collectors.toMap(SyntheticUser::userId, Function.identity()));
    Map<String, List<Transaction>> byUser =
        events.stream().collect(Collectors.groupingBy(Transaction::userId));
    return new SimulatedStream(List.copyOf(events), users, byUser);
  }

  /** The events of one user, in stream order. */
  List<Transaction> eventsOf(String userId) {
    return eventsByUser.getOrDefault(userId, List.of());
  }

  SyntheticUser userOf(Transaction transaction) {
    return users.get(transaction.userId());
  }
}
