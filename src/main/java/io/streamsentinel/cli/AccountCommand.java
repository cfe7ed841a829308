package io.streamsentinel.cli;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.response.PolicySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sentinel account status|block|unblock}: an operator's view of and override on an account.
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description =
        "Shows or overrides the status of an account (account-status), with an audit action.",
    subcommands = {
      AccountCommand.Status.class,
      AccountCommand.Block.class,
      AccountCommand.Unblock.class
    })
final class AccountCommand {

  /** The current state of a user, from the compacted account-status topic; null when none. */
  static AccountState currentState(ClientConfigFactory clients, String userId) {
    AtomicReference<AccountState> latest = new AtomicReference<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.ACCOUNT_STATUS,
        Map.of(),
        r -> {
          if (userId.equals(r.key())) {
            latest.set(r.value() == null ? null : AccountStateCodec.decode(r.value()));
          }
        });
    return latest.get();
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Prints a user's account status.")
  static final class Status implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    @Parameters(paramLabel = "USER", description = "The user id.")
    String userId;

    Status(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      AccountState state = currentState(kafka.config().clients(), userId);
      if (state == null) {
        context.out().println(userId + ": ACTIVE (no status record)");
      } else {
        context
            .out()
            .printf(
                "%s: %s (in force now: %s)%s%s%n",
                userId,
                state.status(),
                state.statusAt(Instant.now()),
                state.reason() == null ? "" : ", reason: " + state.reason(),
                state.updatedAt() == null ? "" : ", since " + state.updatedAt());
      }
      return 0;
    }
  }

  /** Shared body of block and unblock. */
  abstract static class StatusOverride implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    @Parameters(paramLabel = "USER", description = "The user id.")
    String userId;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why (goes to the audit trail).")
    String reason;

    @Option(
        names = "--operator",
        paramLabel = "NAME",
        defaultValue = "${sys:user.name}",
        description = "Who does it (default: the OS user).")
    String operator;

    private static final Duration READABLE_TIMEOUT = Duration.ofSeconds(10);

    StatusOverride(CliContext context) {
      this.context = context;
    }

    abstract AccountStatus status();

    private static Map<TopicPartition, Long> offsets(RecordMetadata... written) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      for (RecordMetadata m : written) {
        offsets.put(new TopicPartition(m.topic(), m.partition()), m.offset());
      }
      return offsets;
    }

    abstract ActionType actionType();

    @Override
    public Integer call() throws Exception {
      if (reason.isBlank()) {
        throw new IllegalArgumentException("--reason must not be blank");
      }
      Instant now = Instant.now();
      UserAction audit =
          UserAction.manual(
              userId, actionType(), operator, reason, now, PolicySettings.DEFAULT_VERSION);
      AccountState state = new AccountState(userId, status(), "manual: " + reason, now, null);
      ClientConfigFactory clients = kafka.config().clients();
      // One transaction: the status never changes without its audit record, nor the other way
      // round.
      String txId = ClientCatalog.accountTransaction(UUID.randomUUID().toString());
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              clients.transactionalProducer(ClientCatalog.ACCOUNT, txId).toProperties())) {
        producer.initTransactions();
        producer.beginTransaction();
        Future<RecordMetadata> action =
            producer.send(
                new ProducerRecord<>(
                    TopicCatalog.USER_ACTIONS, userId, UserActionCodec.encode(audit)));
        Future<RecordMetadata> status =
            producer.send(
                new ProducerRecord<>(
                    TopicCatalog.ACCOUNT_STATUS, userId, AccountStateCodec.encode(state)));
        producer.commitTransaction();
        // Read-your-writes: a status check right after this command must see the change.
        if (!CommittedRecords.awaitReadable(
            clients, offsets(action.get(), status.get()), READABLE_TIMEOUT)) {
          context
              .err()
              .println("account: committed, but not yet readable after " + READABLE_TIMEOUT);
        }
      }
      context
          .out()
          .printf(
              "%s is now %s (audit action %s by %s)%n",
              userId, status(), audit.actionId(), operator);
      return 0;
    }
  }

  @Command(
      name = "block",
      mixinStandardHelpOptions = true,
      description =
          "Blocks an account: its transactions become CRITICAL decisions (ACCOUNT_BLOCKED).")
  static final class Block extends StatusOverride {
    Block(CliContext context) {
      super(context);
    }

    @Override
    AccountStatus status() {
      return AccountStatus.BLOCKED;
    }

    @Override
    ActionType actionType() {
      return ActionType.BLOCK_ACCOUNT;
    }
  }

  @Command(
      name = "unblock",
      mixinStandardHelpOptions = true,
      description = "Sets an account ACTIVE again.")
  static final class Unblock extends StatusOverride {
    Unblock(CliContext context) {
      super(context);
    }

    @Override
    AccountStatus status() {
      return AccountStatus.ACTIVE;
    }

    @Override
    ActionType actionType() {
      return ActionType.UNBLOCK_ACCOUNT;
    }
  }
}
