package io.streamsentinel.kafka;

import io.streamsentinel.runtime.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code sentinel security init}: on a cluster reached as an administrator, one SCRAM-SHA-512 user
 * per component with the ACLs of {@link ComponentAccess}, and a client settings file per component
 * (owner-only, {@link ClientSecurity}) holding its password and what the administrator trusts —
 * never the administrator's own identity. Idempotent: a component whose file exists keeps its
 * password; ACLs that exist stay as they are.
 */
public final class SecuritySetup {

  /** The setup of one component. */
  public record Component(String name, String principal, int acls, Path settings, boolean reused) {}

  private SecuritySetup() {}

  /**
   * Sets up {@code components} on the cluster {@code admin} reaches, writing their files into
   * {@code dir}.
   *
   * @param admin where the cluster is and how its administrator reaches it: over SASL_SSL, the
   *     listener the components will use
   * @param progress a line per component
   * @throws IllegalArgumentException when the administrator does not use SASL_SSL, or a component
   *     is unknown
   * @throws KafkaAdminException naming the component when the cluster refuses a change
   */
  public static List<Component> run(
      KafkaSettings admin, List<String> components, Path dir, Consumer<String> progress)
      throws InterruptedException {
    components.forEach(ComponentAccess::grant); // an unknown name is refused before any change
    Map<String, String> adminProperties = new LinkedHashMap<>();
    for (KafkaOverride o : admin.overrides()) {
      if (o.scope() == KafkaOverride.Scope.ALL) {
        adminProperties.put(o.key(), o.value());
      }
    }
    String protocol =
        adminProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    if (!protocol.equals("SASL_SSL")) {
      throw new IllegalArgumentException(
          "security init writes SCRAM-over-TLS settings for the components, so it needs the"
              + " administrator on the cluster's SASL_SSL listener; its security.protocol is "
              + protocol
              + " (give --config with the admin's settings, e.g. DATA_DIR/"
              + BrokerSecurity.ADMIN_FILE
              + ")");
    }
    Map<String, String> trust = ClientSecurity.trustOf(adminProperties);
    try (Admin client =
        Admin.create(new ClientConfigFactory(admin).admin(ClientCatalog.SECURITY).toProperties())) {
      List<Component> done = new ArrayList<>();
      for (String name : components) {
        done.add(
            setUp(
                client,
                admin.bootstrapServers(),
                trust,
                name,
                dir.resolve(name + ".properties"),
                progress));
      }
      return done;
    }
  }

  private static Component setUp(
      Admin admin,
      String bootstrapServers,
      Map<String, String> trust,
      String name,
      Path file,
      Consumer<String> progress)
      throws InterruptedException {
    ComponentAccess.Grant grant = ComponentAccess.grant(name);
    boolean reused = Files.exists(file);
    String password = reused ? ClientSecurity.load(file).password() : SecretFiles.randomPassword();
    ClientSecurity.upsert(admin, name, password);
    try {
      admin.createAcls(grant.bindings()).all().get();
    } catch (ExecutionException e) {
      throw new KafkaAdminException(
          "cannot grant Kafka user '" + name + "' its ACLs: " + e.getCause().getMessage(),
          e.getCause());
    }
    new ClientSecurity(bootstrapServers, name, password, trust).write(file);
    Component component =
        new Component(name, grant.principal(), grant.bindings().size(), file, reused);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%-10s %s, %d ACLs, settings in %s%s",
            name,
            component.principal(),
            component.acls(),
            file,
            reused ? " (password kept)" : ""));
    return component;
  }
}
