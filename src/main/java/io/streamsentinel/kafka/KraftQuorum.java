package io.streamsentinel.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;

/**
 * A node's place in a KRaft cluster whose nodes are each broker and controller: its id and the
 * controller quorum ({@code id@host:port} of every node, the {@code controller.quorum.voters} of
 * Kafka). Every node of one cluster is started with the same voters; the cluster id is derived from
 * them unless given, so three nodes started with the same list format their data directories for
 * the same cluster without another shared value.
 *
 * @param nodeId this node's id; it must be one of the voters
 * @param voters the quorum, by node id; empty for a cluster of one whose controller port is picked
 *     at start
 * @param clusterId the cluster id to format with; null to derive it from the voters (or pick a
 *     random one for a cluster of one)
 */
public record KraftQuorum(int nodeId, Map<Integer, Voter> voters, String clusterId) {

  /** One controller of the quorum. */
  public record Voter(int id, String host, int port) {
    @Override
    public String toString() {
      return id + "@" + host + ":" + port;
    }
  }

  public KraftQuorum {
    voters = Collections.unmodifiableSortedMap(new TreeMap<>(voters));
    if (nodeId < 0) {
      throw new IllegalArgumentException("node id must be at least 0 but was " + nodeId);
    }
    if (!voters.isEmpty() && !voters.containsKey(nodeId)) {
      throw new IllegalArgumentException(
          "node id " + nodeId + " is not one of the controller quorum's voters " + voters.keySet());
    }
    if (clusterId != null) {
      try {
        Uuid.fromString(clusterId);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cluster id '" + clusterId + "' is not a Kafka cluster id (22 characters of base64)",
            e);
      }
    }
  }

  /** A cluster of one node, id 1. */
  public static KraftQuorum single() {
    return new KraftQuorum(1, Map.of(), null);
  }

  /**
   * Reads {@code 1@host:port,2@host:port,...}.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code id@host:port}, or a
   *     repeated id
   */
  public static KraftQuorum parse(int nodeId, String voters, String clusterId) {
    Map<Integer, Voter> parsed = new LinkedHashMap<>();
    for (String entry : voters.split(",")) {
      Voter voter = voter(entry.trim());
      if (parsed.put(voter.id(), voter) != null) {
        throw new IllegalArgumentException(
            "controller quorum names node " + voter.id() + " twice: " + voters);
      }
    }
    return new KraftQuorum(nodeId, parsed, clusterId);
  }

  private static Voter voter(String entry) {
    int at = entry.indexOf('@');
    int colon = entry.lastIndexOf(':');
    try {
      if (at < 1 || colon < at + 2 || colon == entry.length() - 1) {
        throw new NumberFormatException();
      }
      int port = Integer.parseInt(entry.substring(colon + 1));
      if (port < 1 || port > 65_535) {
        throw new NumberFormatException();
      }
      return new Voter(
          Integer.parseInt(entry.substring(0, at)), entry.substring(at + 1, colon), port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "controller quorum entry '" + entry + "' is not ID@HOST:PORT (e.g. 1@localhost:9093)");
    }
  }

  /** Whether this is a cluster of one whose controller port is picked at start. */
  public boolean isSingle() {
    return voters.isEmpty();
  }

  /** The lowest node id of the quorum (this node's id in a cluster of one). */
  public int firstVoter() {
    return voters.isEmpty() ? nodeId : Collections.min(voters.keySet());
  }

  /** The number of nodes: each is broker and controller. */
  public int size() {
    return isSingle() ? 1 : voters.size();
  }

  /** This node's controller port, or 0 when it is picked at start. */
  public int controllerPort() {
    return isSingle() ? 0 : voters.get(nodeId).port();
  }

  /** {@code controller.quorum.voters}, with the given port for a cluster of one. */
  public String votersConfig(String host, int singleControllerPort) {
    if (isSingle()) {
      return nodeId + "@" + host + ":" + singleControllerPort;
    }
    return String.join(",", voters.values().stream().map(Voter::toString).toList());
  }

  /** The cluster id to format a new data directory with. */
  public String clusterIdToFormat() {
    if (clusterId != null) {
      return clusterId;
    }
    if (isSingle()) {
      return Uuid.randomUuid().toString();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(votersConfig("", 0).getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(digest);
      // The top bit clear, so the id never starts with '-', which command-line tools misread.
      return new Uuid(bytes.getLong() & Long.MAX_VALUE, bytes.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** {@code min(3, nodes)}: the replication factor of internal and catalog topics. */
  public short replicationFactor() {
    return TopicSpec.replicationFactor(size());
  }

  /** {@link TopicSpec#minInsyncReplicas} of {@link #replicationFactor()}. */
  public int minInsyncReplicas() {
    return TopicSpec.minInsyncReplicas(replicationFactor());
  }
}
