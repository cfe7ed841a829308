package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateIdentityTest {

  @TempDir Path base;

  private Path withState(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("1_0/rocksdb"));
    return Files.writeString(dir.resolve("1_0/rocksdb/store"), "state");
  }

  @Test
  void shouldKeepStateBuiltFromTheSameTopics() throws Exception {
    Path dir = base.resolve("cluster-a");
    Map<String, String> ids = Map.of("synthetic-transactions", "id1", "account-status", "id2");
    StateIdentity.check(dir, ids);
    Path store = withState(dir);

    assertThat(StateIdentity.check(dir, ids)).isEqualTo(dir);
    assertThat(store).exists();
  }

  @Test
  void shouldWipeStateWhenATopicWasCreatedAgain() throws Exception {
    Path dir = base.resolve("cluster-a");
    StateIdentity.check(dir, Map.of("synthetic-transactions", "id1", "account-status", "id2"));
    Path store = withState(dir);

    StateIdentity.check(dir, Map.of("synthetic-transactions", "id1", "account-status", "id3"));

    assertThat(store).doesNotExist();
    assertThat(dir.resolve("source-topics.properties")).content().contains("account-status=id3");
  }

  @Test
  void shouldWipeStateThatHasNoRecordOfItsTopics() throws Exception {
    Path dir = base.resolve("cluster-a");
    Path store = withState(dir);

    StateIdentity.check(dir, Map.of("synthetic-transactions", "id1"));

    assertThat(store).doesNotExist();
    assertThat(dir.resolve("source-topics.properties")).exists();
  }
}
