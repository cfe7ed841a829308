package io.streamsentinel.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Files that hold a secret (a password, a private key): readable and writable by their owner only
 * (0600 on POSIX file systems), and never half-written — the text goes to a private temporary file
 * first, which then replaces the target.
 */
public final class SecretFiles {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SecretFiles() {}

  /** Writes {@code text} to {@code file}, owner-only. */
  public static void write(Path file, String text) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = ownerOnlyTempFile(dir, text);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * {@code text} in a new file in {@code dir} that only its owner can read (set at creation, so it
   * is never readable by others even for a moment); the caller deletes or moves it.
   */
  public static Path ownerOnlyTempFile(Path dir, String text) throws IOException {
    Path file =
        posix()
            ? Files.createTempFile(
                dir, ".sentinel-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createTempFile(dir, ".sentinel-", ".tmp");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Makes {@code file} owner-only when it is not, saying whether it had to. */
  public static boolean restrict(Path file) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      return true;
    }
    return false;
  }

  /** A random password of 192 bits as URL-safe text (no quotes, so JAAS text can carry it). */
  public static String randomPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
