package io.streamsentinel.database;

import io.streamsentinel.runtime.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server: whoever knows its superuser's random password, kept in
 * {@value #PASSWORD_FILE} inside the data folder (readable by its owner only), and a {@code
 * pg_hba.conf} that asks every connection for it (scram-sha-256, no trust lines).
 *
 * <p>The file lives in the data folder so that the folder carries its own key: a second process
 * pointed at the folder reads it, and deleting the folder deletes it. PostgreSQL ignores files it
 * does not know there. Known limitation: anyone who can read the folder as its owner (or root) can
 * read the password, as they could read the data itself.
 */
final class EmbeddedCredentials {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

  /** The password file's name inside the data folder. */
  static final String PASSWORD_FILE = "sentinel-password";

  /** Every connection needs the password; the server listens on localhost only. */
  static final String HBA =
      """
      # Written by Stream-Sentinel: every connection needs the superuser's password, which is in
      # the file sentinel-password of this folder. The server listens on localhost only.
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  private EmbeddedCredentials() {}

  static Path passwordFile(Path dir) {
    return dir.resolve(PASSWORD_FILE);
  }

  /**
   * The password kept in {@code dir}, if there is one; its file is made owner-only if it was not.
   */
  static Optional<String> readPassword(Path dir) throws IOException {
    Path file = passwordFile(dir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (SecretFiles.restrict(file)) {
      log.warn("{} was readable by others; made it owner-only (0600)", file);
    }
    String password = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      throw new IOException(file + " is empty");
    }
    return Optional.of(password);
  }

  /** Keeps {@code password} in {@code dir}, owner-only, never half-written. */
  static void writePassword(Path dir, String password) {
    SecretFiles.write(passwordFile(dir), password + "\n");
  }

  /** Whether {@code dir}'s {@code pg_hba.conf} is ours (else it predates passwords: trust). */
  static boolean hbaIsCurrent(Path dir) throws IOException {
    Path hba = dir.resolve("pg_hba.conf");
    return Files.isRegularFile(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
  }

  /** Whether {@code dir}'s {@code pg_hba.conf} lets anyone in without a password. */
  static boolean hbaTrusts(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
    return lines.stream()
        .map(String::strip)
        .filter(line -> !line.startsWith("#"))
        .anyMatch(line -> line.matches(".*\\strust(\\s.*)?"));
  }

  static void writeHba(Path dir) {
    SecretFiles.write(dir.resolve("pg_hba.conf"), HBA);
  }
}
