package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyException;
import io.streamsentinel.access.ApiKeyInfo;
import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.access.IssuedKey;
import io.streamsentinel.access.Role;
import io.streamsentinel.codec.Json;
import io.streamsentinel.database.Database;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sentinel apikey create|list|revoke}: the API keys of the HTTP servers. */
@Command(
    name = "apikey",
    mixinStandardHelpOptions = true,
    description = {
      "API keys of the HTTP servers (every route but /health needs one: Authorization: Bearer KEY)."
          + " Roles, each including the ones before it: viewer (dashboard, GET APIs, /metrics),"
          + " analyst (assign and resolve cases), operator (accounts, rules, models), admin (keys).",
      "Keys live in the database (only their SHA-256 hash); the embedded one attaches to a running demo."
    },
    subcommands = {
      ApiKeyCommand.Create.class,
      ApiKeyCommand.ListKeys.class,
      ApiKeyCommand.Revoke.class
    })
final class ApiKeyCommand {

  /** Who the audit log names for a change made from this command line. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /** What every subcommand shares: the database. */
  abstract static class KeyWork implements Callable<Integer> {
    final CliContext context;
    @Mixin DatabaseOptions db;

    KeyWork(CliContext context) {
      this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
      try (Database database = Database.open(db.settings(false))) {
        return work(new ApiKeyStore(database));
      } catch (ApiKeyException e) {
        context.err().println("apikey: " + e.getMessage());
        return 2;
      }
    }

    abstract int work(ApiKeyStore keys) throws Exception;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Creates a key and prints it once: it is not stored and cannot be shown again.")
  static final class Create extends KeyWork {
    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description =
            "Whose key: the name audit entries and label events carry (letters, digits, . _ @ -).")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, analyst, operator or admin.")
    String role;

    Create(CliContext context) {
      super(context);
    }

    @Override
    int work(ApiKeyStore keys) {
      IssuedKey issued = keys.create(name, Role.parse(role), actor());
      context
          .out()
          .printf(
              "Key %d for %s (%s) created. It is shown only now; keep it secret:%n%s%n",
              issued.info().keyId(),
              issued.info().name(),
              issued.info().role().wireName(),
              issued.secret());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the keys (never their text), oldest first.")
  static final class ListKeys extends KeyWork {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    ListKeys(CliContext context) {
      super(context);
    }

    @Override
    int work(ApiKeyStore keys) throws Exception {
      List<ApiKeyInfo> all = keys.list();
      if (json) {
        context
            .out()
            .println(
                Json.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(all.stream().map(ListKeys::row).toList()));
        return 0;
      }
      context
          .out()
          .printf("%-6s %-24s %-9s %-20s %s%n", "ID", "NAME", "ROLE", "CREATED", "REVOKED");
      for (ApiKeyInfo key : all) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "%-6d %-24s %-9s %-20s %s%n",
                key.keyId(),
                key.name(),
                key.role().wireName(),
                seconds(key.createdAt()),
                key.inForce() ? "-" : seconds(key.revokedAt()));
      }
      return 0;
    }

    private static Map<String, Object> row(ApiKeyInfo key) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key_id", key.keyId());
      row.put("name", key.name());
      row.put("role", key.role().wireName());
      row.put("created_at", key.createdAt());
      row.put("revoked_at", key.revokedAt());
      return row;
    }

    private static String seconds(Instant t) {
      return t.toString().replaceFirst("\\.\\d+Z$", "Z");
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "Revokes a key by name or id; servers refuse it within seconds (they trust a checked key"
              + " for 5 s).")
  static final class Revoke extends KeyWork {
    @Parameters(paramLabel = "NAME|ID", description = "The key's name, or its id (digits).")
    String key;

    Revoke(CliContext context) {
      super(context);
    }

    @Override
    int work(ApiKeyStore keys) {
      ApiKeyInfo revoked = keys.revoke(key, actor());
      context
          .out()
          .printf(
              "Key %d (%s, %s) revoked.%n",
              revoked.keyId(), revoked.name(), revoked.role().wireName());
      return 0;
    }
  }
}
