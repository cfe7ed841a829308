package io.streamsentinel.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts connections and never answers must not hang whoever opens the database. */
class DatabaseTimeoutTest {

  @TempDir Path dir;

  @Test
  void shouldGiveUpOnAServerThatNeverAnswers() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepted, never answered
                  }
                } catch (Exception e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      DatabaseSettings settings =
          new DatabaseSettings(
              "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/sentinel",
              "sentinel",
              null,
              dir,
              false,
              DatabaseSettings.DEFAULT_POOL_SIZE,
              DatabaseSettings.DEFAULT_RETENTION);
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(() -> Database.open(settings))
                  .isInstanceOf(DatabaseException.class));
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
