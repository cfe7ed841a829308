package io.streamsentinel.cli;

import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.response.AccountOverrides;
import java.time.Instant;
import java.util.concurrent.Callable;
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
      AccountState state = new AccountOverrides(kafka.config().clients()).current(userId);
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

    StatusOverride(CliContext context) {
      this.context = context;
    }

    abstract AccountStatus status();

    abstract ActionType actionType();

    @Override
    public Integer call() throws Exception {
      if (reason.isBlank()) {
        throw new IllegalArgumentException("--reason must not be blank");
      }
      AccountOverrides.Result result =
          new AccountOverrides(kafka.config().clients())
              .set(userId, status(), actionType(), operator, reason, Instant.now());
      if (!result.readable()) {
        context
            .err()
            .println(
                "account: committed, but not yet readable after "
                    + AccountOverrides.READABLE_TIMEOUT);
      }
      context
          .out()
          .printf(
              "%s is now %s (audit action %s by %s)%n",
              userId, status(), result.audit().actionId(), operator);
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
