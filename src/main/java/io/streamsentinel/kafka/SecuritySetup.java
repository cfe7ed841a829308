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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * {@code sentinel security init}: on a cluster reached as an administrator, one SCRAM-SHA-512 user
 * per component with the ACLs of {@link ComponentAccess}, and a client settings file per component
 * (owner-only) holding its password and the administrator's transport settings (TLS trust), for
 * {@code --config}. Idempotent: a component whose file exists keeps its password; ACLs that exist
 * stay as they are.
 */
public final class SecuritySetup {

  /** The setup of one component. */
  public record Component(String name, String principal, int acls, Path settings, boolean reused) {}

  private final Admin admin;
  private final KafkaSettings adminSettings;

  /**
   * @param admin a client of the cluster as a principal that may create users and ACLs
   * @param adminSettings where the cluster is and how the administrator reaches it; the transport
   *     settings ({@code security.protocol}, {@code ssl.*}) are copied into each component's file
   */
  public SecuritySetup(Admin admin, KafkaSettings adminSettings) {
    this.admin = admin;
    this.adminSettings = adminSettings;
  }

  /**
   * Sets up {@code components} and writes their files into {@code dir}.
   *
   * @param progress a line per component
   * @throws KafkaAdminException naming the component when the cluster refuses a change
   */
  public List<Component> init(List<String> components, Path dir, Consumer<String> progress)
      throws InterruptedException {
    List<Component> done = new ArrayList<>();
    for (String name : components) {
      ComponentAccess.Grant grant = ComponentAccess.grant(name);
      Path file = dir.resolve(name + ".properties");
      String existing = Files.exists(file) ? passwordIn(file) : null;
      String password = existing != null ? existing : SecretFiles.randomPassword();
      try {
        List<UserScramCredentialAlteration> upsert =
            List.of(
                new UserScramCredentialUpsertion(
                    name,
                    new ScramCredentialInfo(
                        ScramMechanism.SCRAM_SHA_512, BrokerSecurity.ITERATIONS),
                    password));
        admin.alterUserScramCredentials(upsert).all().get();
        admin.createAcls(grant.bindings()).all().get();
      } catch (ExecutionException e) {
        throw new KafkaAdminException(
            "cannot set up Kafka user '" + name + "': " + e.getCause().getMessage(), e.getCause());
      }
      writeSettings(file, name, password);
      Component component =
          new Component(name, grant.principal(), grant.bindings().size(), file, existing != null);
      progress.accept(
          String.format(
              Locale.ROOT,
              "%-10s %s, %d ACLs, settings in %s%s",
              name,
              component.principal(),
              component.acls(),
              file,
              existing != null ? " (password kept)" : ""));
      done.add(component);
    }
    return done;
  }

  /** The bindings of every component, for a check of what the cluster holds. */
  public static List<AclBinding> allBindings() {
    List<AclBinding> all = new ArrayList<>();
    ComponentAccess.components().forEach(c -> all.addAll(ComponentAccess.grant(c).bindings()));
    return all;
  }

  private void writeSettings(Path file, String user, String password) {
    Map<String, String> props = new LinkedHashMap<>();
    for (KafkaOverride o : adminSettings.overrides()) {
      if (o.scope() == KafkaOverride.Scope.ALL && isTransport(o.key())) {
        props.put(o.key(), o.value());
      }
    }
    props.put(SaslConfigs.SASL_MECHANISM, BrokerSecurity.MECHANISM);
    props.put(SaslConfigs.SASL_JAAS_CONFIG, ClientSecurity.scramJaas(user, password));
    ClientSecurity.writeSettings(
        file,
        "Stream-Sentinel client settings of the '" + user + "' component (Kafka user " + user + ")",
        adminSettings.bootstrapServers(),
        props);
  }

  private static boolean isTransport(String key) {
    return key.equals("security.protocol") || key.startsWith("ssl.") || key.startsWith("sasl.");
  }

  private static String passwordIn(Path file) {
    return ClientSecurity.passwordIn(file);
  }
}
