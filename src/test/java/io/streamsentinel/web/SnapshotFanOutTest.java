package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SnapshotFanOutTest {

  @Test
  void shouldNotLetAStalledSubscriberHoldUpThePublisherOrTheOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> stalled = new CopyOnWriteArrayList<>();
    List<String> healthy = new CopyOnWriteArrayList<>();
    try (SnapshotFanOut<String> fanOut =
        new SnapshotFanOut<>(
            (who, snapshot) -> {
              if (who.equals("stalled")) {
                stalled.add(snapshot);
                release.await(); // a browser that stopped reading: its socket write blocks
              } else {
                healthy.add(snapshot);
              }
            })) {
      fanOut.add("stalled");
      fanOut.add("healthy");

      assertTimeoutPreemptively(
          Duration.ofSeconds(2),
          () -> {
            fanOut.publish("s1");
            await().atMost(Duration.ofSeconds(1)).until(() -> stalled.size() == 1);
            fanOut.publish("s2");
            fanOut.publish("s3");
          });
      await().atMost(Duration.ofSeconds(1)).until(() -> healthy.contains("s3"));

      release.countDown();
      await().atMost(Duration.ofSeconds(1)).until(() -> stalled.size() == 2);
      // While it was stuck, only the latest snapshot was kept for it.
      assertThat(stalled).containsExactly("s1", "s3");
    }
  }

  @Test
  void shouldDropASubscriberWhoseWriteFails() {
    try (SnapshotFanOut<String> fanOut =
        new SnapshotFanOut<>(
            (who, snapshot) -> {
              throw new IllegalStateException("gone");
            })) {
      fanOut.add("gone");
      fanOut.publish("s1");
      await().atMost(Duration.ofSeconds(1)).until(fanOut::isEmpty);
    }
  }
}
