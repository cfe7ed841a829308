package io.streamsentinel.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), running
 * inside this JVM.
 *
 * <p>Not a mock: it is the server of the Apache Kafka distribution, started from its Maven
 * artifacts. The log directory is formatted once (like {@code kafka-storage.sh format}) and reused
 * on later starts, so data survives restarts unless {@link BrokerSettings#fresh()} is set. Alone it
 * is a cluster of one (replication factor 1 for every topic); started as one node of a {@link
 * KraftQuorum} (each node in its own process, on one machine or several) it forms a cluster whose
 * internal topics get {@code min(3, nodes)} replicas and a minimum in-sync count of 2 at 3.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** A single node needs few internal-topic partitions; 50 (the default) only slows start-up. */
  private static final String INTERNAL_TOPIC_PARTITIONS = "10";

  /**
   * The log cleaner's dedupe buffer defaults to 128 MiB of heap; compacted topics here are small.
   */
  private static final String CLEANER_DEDUPE_BUFFER_BYTES = String.valueOf(8 * 1024 * 1024);

  private static final String CLIENT_LISTENER = "PLAINTEXT";
  private static final String SECURE_LISTENER = "SASL_SSL";

  /** The secure broker's mutual-TLS listener for broker-to-broker traffic. */
  private static final String INTERNAL_LISTENER = "INTERNAL";

  /** Start-ups tried when ports the broker picked are taken before Kafka binds them. */
  static final int PORT_ATTEMPTS = 5;

  private final BrokerSettings settings;
  private final IntSupplier freePorts;
  private KafkaRaftServer server;
  private int port;
  private BrokerSecurity security;
  private Path adminFile;

  public EmbeddedKafkaBroker(BrokerSettings settings) {
    this(settings, EmbeddedKafkaBroker::freePort);
  }

  /** As the public constructor, with the source of free ports given (a test races it). */
  EmbeddedKafkaBroker(BrokerSettings settings, IntSupplier freePorts) {
    this.settings = settings;
    this.freePorts = freePorts;
  }

  /**
   * Formats the data directory if needed and starts the broker; returns when it accepts clients.
   *
   * <p>A port the broker picks itself (client port 0, a single node's controller, the secure
   * broker's internal listener) is free when picked but may be taken by another process before
   * Kafka binds it; the broker then stops what it started and picks again, up to {@link
   * #PORT_ATTEMPTS} times. A port the user gave is checked first and never replaced.
   *
   * @throws PortInUseException when the client port is taken
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (server != null) {
      throw new IllegalStateException("broker already started");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce();
      } catch (RuntimeException e) {
        // A port the user gave and that is taken fails at once, naming the flag.
        BindException taken = bindFailure(e);
        if (attempt >= PORT_ATTEMPTS || e instanceof PortInUseException || taken == null) {
          throw e;
        }
        log.warn(
            "A port picked for the broker was taken before Kafka bound it ({}); picking again"
                + " (attempt {} of {})",
            taken.getMessage(),
            attempt + 1,
            PORT_ATTEMPTS);
      }
    }
  }

  private EmbeddedKafkaBroker startOnce() {
    port = settings.port() == 0 ? freePorts.getAsInt() : requireFreePort(settings.port(), "--port");
    KraftQuorum quorum = settings.quorum();
    int controllerPort =
        quorum.isSingle()
            ? freePorts.getAsInt()
            : requireFreePort(quorum.controllerPort(), "the node's entry in --controller-quorum");
    Path dir = settings.dataDir().toAbsolutePath();
    prepareDataDir(dir);
    int internalPort = 0;
    if (settings.secure()) {
      security =
          BrokerSecurity.prepare(dir, settings.securityDir().toAbsolutePath(), settings.host());
      internalPort = freePorts.getAsInt();
    }
    Map<String, String> props = serverProperties(dir, controllerPort, internalPort);
    KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    try {
      raftServer.startup();
    } catch (RuntimeException e) {
      stopAfterFailedStart(raftServer, e);
      throw e;
    }
    server = raftServer;
    if (security != null) {
      try {
        // One node makes the admin user, so the nodes of a cluster never race for its password.
        adminFile =
            quorum.nodeId() == quorum.firstVoter()
                ? security.ensureAdmin(settings.host() + ":" + internalPort, bootstrapServers())
                : security.adminFile();
      } catch (RuntimeException e) {
        close();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new KafkaAdminException("interrupted while creating the admin user", e);
      }
    }
    log.info(
        "Kafka broker started at {}{} (data in {})",
        bootstrapServers(),
        security == null ? "" : " (SASL_SSL, ACLs)",
        dir);
    return this;
  }

  /**
   * The settings file of the secure broker's {@code admin} user ({@link BrokerSecurity#ADMIN_FILE}
   * in the data directory); null when the broker is not secure. Valid after {@link #start()}.
   */
  public Path adminSettings() {
    return adminFile;
  }

  /** {@code host:port} of the client listener; valid after {@link #start()}. */
  public String bootstrapServers() {
    return settings.host() + ":" + port;
  }

  /** The number of brokers in this cluster, as its quorum names them. */
  public int brokerCount() {
    return settings.quorum().size();
  }

  public BrokerSettings settings() {
    return settings;
  }

  /** Stops the broker and waits for its threads to end. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    log.info("Stopping Kafka broker at {}", bootstrapServers());
    server.shutdown();
    server.awaitShutdown();
    server = null;
    log.info("Kafka broker stopped");
  }

  private Map<String, String> serverProperties(Path dir, int controllerPort, int internalPort) {
    String host = settings.host();
    KraftQuorum quorum = settings.quorum();
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(quorum.nodeId()));
    p.put("controller.quorum.voters", quorum.votersConfig(host, controllerPort));
    String client = settings.secure() ? SECURE_LISTENER : CLIENT_LISTENER;
    String listeners = client + "://" + host + ":" + port;
    String advertised = listeners;
    String protocols = client + ":" + client + "," + CONTROLLER_LISTENER + ":PLAINTEXT";
    String interBroker = client;
    if (settings.secure()) {
      // Brokers and controllers know each other by certificate (mutual TLS); clients use SCRAM.
      String internal = INTERNAL_LISTENER + "://" + host + ":" + internalPort;
      listeners += "," + internal;
      advertised += "," + internal;
      protocols =
          client + ":SASL_SSL," + INTERNAL_LISTENER + ":SSL," + CONTROLLER_LISTENER + ":SSL";
      interBroker = INTERNAL_LISTENER;
      p.putAll(security.serverProperties());
      p.put("listener.name.internal.ssl.client.auth", "required");
      p.put("listener.name.controller.ssl.client.auth", "required");
      p.put("listener.name.sasl_ssl.ssl.client.auth", "none");
      p.put(
          "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }
    p.put("listeners", listeners + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    p.put("advertised.listeners", advertised);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listener.security.protocol.map", protocols);
    p.put("inter.broker.listener.name", interBroker);
    p.put("log.dirs", dir.toString());
    // Topics are created explicitly from the catalog; a typo must not create a topic.
    p.put("auto.create.topics.enable", "false");
    // The broker's internal topics get min(3, nodes) copies: one node means one copy. Other topics
    // get theirs from whoever creates them (the catalog's topics and the detector's changelogs
    // min(3, nodes) too); the broker defaults stay Kafka's.
    String rf = String.valueOf(quorum.replicationFactor());
    String minIsr = String.valueOf(quorum.minInsyncReplicas());
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    // No point waiting for more group members to join on a single-machine demo.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES);
    return p;
  }

  private void prepareDataDir(Path dir) {
    try {
      if (settings.fresh()) {
        Utils.delete(dir.toFile());
      }
      if (Files.exists(dir.resolve("meta.properties"))) {
        log.info("Reusing formatted data directory {}", dir);
        return;
      }
      Files.createDirectories(dir);
      format(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka data directory " + dir, e);
    }
  }

  private void format(Path dir) {
    String clusterId = settings.quorum().clusterIdToFormat();
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setNodeId(settings.quorum().nodeId())
          .setClusterId(clusterId)
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot format Kafka data directory " + dir + ": " + e.getMessage(), e);
    }
    log.info("Formatted {} for new cluster {}", dir, clusterId);
  }

  /** Stops what a failed start-up left running, so that a second attempt finds its ports free. */
  private static void stopAfterFailedStart(KafkaRaftServer raftServer, RuntimeException cause) {
    try {
      raftServer.shutdown();
      raftServer.awaitShutdown();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Why Kafka failed to bind a listener's port (another process holds it); null for other failures.
   */
  private static BindException bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        return bind;
      }
    }
    return null;
  }

  private int requireFreePort(int wanted, String option) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), wanted));
      return wanted;
    } catch (IOException e) {
      throw new PortInUseException(wanted, "choose another with " + option, e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
