package io.streamsentinel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NameUuidTest {

  @Test
  void shouldMintWhatTheJdkMintsForAnyName() {
    Random random = new Random(3);
    List<String> names = new ArrayList<>(List.of("", "alert:tx_42", "a".repeat(10_000)));
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(80)];
      for (int c = 0; c < chars.length; c++) {
        // every char, unpaired surrogates included (UTF-8 writes them as '?', on both sides)
        chars[c] = (char) random.nextInt(Character.MAX_VALUE + 1);
      }
      names.add(new String(chars));
    }

    for (String name : names) {
      assertThat(NameUuid.of(name))
          .as(name)
          .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void shouldMintTheSameIdsOnManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5_000; i++) {
                    String name = "alert:tx_" + thread + "_" + i;
                    if (!NameUuid.of(name)
                        .equals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
