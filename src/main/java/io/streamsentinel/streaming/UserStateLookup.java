package io.streamsentinel.streaming;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.UserProfileCodec;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountState;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a user's detection state through Kafka Streams interactive queries: Kafka's key metadata
 * says which instance hosts the user's partition of {@link FraudTopology#PROFILE_STORE}; when it is
 * this one, the profile is read from the local store and the account state from the global {@link
 * FraudTopology#ACCOUNT_STATUS_STORE}, otherwise the answer names the instance to ask.
 *
 * <p>Only the active copy is read: a standby (none are configured) or a store still restoring could
 * answer with an older profile, and the page should rather wait a second than show one. Every
 * instance must announce its endpoint ({@code application.server}), or no instance's metadata names
 * a host and every answer is {@link NotAvailable}.
 */
public final class UserStateLookup {

  private static final Logger log = LoggerFactory.getLogger(UserStateLookup.class);

  /** What a lookup found; exactly one of the records below. */
  public sealed interface Result permits Served, HostedElsewhere, Unknown, NotAvailable {}

  /**
   * The user's partition is active here.
   *
   * @param profile never null
   * @param account the user's account state; null when there is none (the account is active) or its
   *     record is unreadable
   * @param servedBy this instance's endpoint, {@code host:port}
   */
  public record Served(UserProfile profile, AccountState account, String servedBy)
      implements Result {
    public Served {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(servedBy, "servedBy");
    }
  }

  /** The user's partition is active on the instance reachable at {@code host:port}. */
  public record HostedElsewhere(String host, int port) implements Result {}

  /** The user's partition is active here and holds no profile: no transaction of theirs seen. */
  public record Unknown() implements Result {}

  /**
   * No instance can answer now: the application is starting, rebalancing or restoring the store.
   *
   * @param reason what is going on, for the error message
   */
  public record NotAvailable(String reason) implements Result {}

  private final KafkaStreams streams;
  private final HostInfo self;

  /**
   * @param streams the detector's client
   * @param self this instance's endpoint, the same as its {@code application.server}
   */
  public UserStateLookup(KafkaStreams streams, HostInfo self) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
  }

  /** Where {@code userId}'s state is, and the state itself when it is here. */
  public Result find(String userId) {
    KafkaStreams.State state = streams.state();
    if (!state.isRunningOrRebalancing()) {
      return new NotAvailable("the detector is " + state);
    }
    try {
      KeyQueryMetadata where =
          streams.queryMetadataForKey(
              FraudTopology.PROFILE_STORE, userId, Serdes.String().serializer());
      if (where == null
          || where == KeyQueryMetadata.NOT_AVAILABLE
          || where.activeHost().equals(HostInfo.unavailable())) {
        return new NotAvailable("no instance hosts the user's partition yet (rebalancing)");
      }
      if (!where.activeHost().equals(self)) {
        return new HostedElsewhere(where.activeHost().host(), where.activeHost().port());
      }
      return readHere(userId, where.partition());
    } catch (InvalidStateStoreException | IllegalStateException e) {
      // The partition moved or the client changed state between the metadata and the read.
      return new NotAvailable(e.getMessage());
    }
  }

  private Result readHere(String userId, int partition) {
    byte[] profile = profiles(partition).get(userId);
    if (profile == null) {
      return new Unknown();
    }
    return new Served(
        UserProfileCodec.decode(profile), accountOf(userId), self.host() + ":" + self.port());
  }

  private ReadOnlyKeyValueStore<String, byte[]> profiles(int partition) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
                FraudTopology.PROFILE_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())
            .withPartition(partition));
  }

  private AccountState accountOf(String userId) {
    byte[] raw =
        streams
            .store(
                StoreQueryParameters.fromNameAndType(
                    FraudTopology.ACCOUNT_STATUS_STORE,
                    QueryableStoreTypes.<String, byte[]>keyValueStore()))
            .get(userId);
    if (raw == null) {
      return null;
    }
    try {
      return AccountStateCodec.decode(raw);
    } catch (IllegalArgumentException e) {
      // As in scoring: an unreadable status record counts as no restriction.
      log.warn("Unreadable account status of {} ignored: {}", userId, e.getMessage());
      return null;
    }
  }
}
