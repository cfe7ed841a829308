package io.streamsentinel.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties a Kafka Streams application's local state to the cluster and topics it was built from. The
 * state lives in a directory per cluster id under the configured one, so state of another cluster
 * is never read; a marker file there records the id of every source topic, and when a topic was
 * deleted and created again (a new id) the local state is wiped with a log line and Kafka Streams
 * restores it from the topics. Without this, a checkpoint offset past the end of a new topic stops
 * the global store's thread and with it the whole client.
 */
public final class StateIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(StateIdentity.class);
  private static final String MARKER = "source-topics.properties";
  private static final long TIMEOUT_SECONDS = 30;

  private StateIdentity() {}

  /**
   * The state directory to use for this cluster, checked against the source topics' ids.
   *
   * @param base the configured state directory
   * @param topics the application's source topics (input and global), which must exist
   * @return {@code base/<cluster id>}, wiped first when its state came from other topics
   * @throws IllegalStateException when the cluster cannot be asked within 30 s
   */
  public static Path resolve(Admin admin, Path base, Collection<String> topics) {
    try {
      String clusterId = admin.describeCluster().clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<String, TopicDescription> described;
      try {
        described =
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        // Not created yet: nothing can have been built from them, and Streams waits for them.
        return Files.createDirectories(base.resolve(clusterId));
      }
      Map<String, String> ids = new TreeMap<>();
      described.forEach((name, d) -> ids.put(name, d.topicId().toString()));
      return check(base.resolve(clusterId), ids);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while identifying the cluster", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory under " + base, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot identify the cluster and topics " + topics + ": " + cause, cause);
    }
  }

  /**
   * Wipes {@code dir} when its marker names other topic ids than {@code ids}, then records {@code
   * ids}; the pure part of {@link #resolve}.
   */
  static Path check(Path dir, Map<String, String> ids) {
    Path marker = dir.resolve(MARKER);
    try {
      if (Files.exists(marker)) {
        Map<String, String> recorded = read(marker);
        if (!recorded.equals(ids)) {
          LOG.warn(
              "Local state in {} was built from topics {} but they are now {} (deleted and created"
                  + " again): wiping it; it is restored from the topics",
              dir,
              recorded,
              ids);
          Utils.delete(dir.toFile());
        }
      } else if (Files.isDirectory(dir) && hasContent(dir)) {
        LOG.warn("Local state in {} has no record of its topics: wiping it to be safe", dir);
        Utils.delete(dir.toFile());
      }
      Files.createDirectories(dir);
      write(marker, ids);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the local state in " + dir, e);
    }
  }

  private static boolean hasContent(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }

  private static Map<String, String> read(Path marker) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(marker)) {
      p.load(in);
    }
    Map<String, String> ids = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> ids.put(k, p.getProperty(k)));
    return ids;
  }

  private static void write(Path marker, Map<String, String> ids) throws IOException {
    Properties p = new Properties();
    p.putAll(ids);
    try (OutputStream out = Files.newOutputStream(marker)) {
      p.store(out, "the source topics this state was built from (topic = topic id)");
    }
  }
}
