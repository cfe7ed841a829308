package io.streamsentinel.web;

import io.streamsentinel.access.KeyVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Who may call a server and how it is reached. Every server has one: there is no open server.
 *
 * @param keys checks the API keys callers present (the database's, cached)
 * @param hostNames names besides the bound address and localhost under which clients reach the
 *     server (a DNS name, a proxy's); others are refused as foreign
 * @param tls serve HTTPS with this keystore; null for plain HTTP
 */
public record HttpAccess(KeyVerifier keys, List<String> hostNames, Tls tls) {

  /**
   * A keystore for HTTPS.
   *
   * @param keystore a PKCS#12 (or JKS) file with the server's key and certificate
   * @param password its password; never logged
   */
  public record Tls(Path keystore, String password) {
    public Tls {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + ", password=****]";
    }
  }

  public HttpAccess {
    Objects.requireNonNull(keys, "keys");
    hostNames = List.copyOf(hostNames);
  }

  /** Plain HTTP on the usual names, checking keys with {@code keys}. */
  public static HttpAccess of(KeyVerifier keys) {
    return new HttpAccess(keys, List.of(), null);
  }

  /** "https" with a keystore, else "http". */
  public String scheme() {
    return tls == null ? "http" : "https";
  }
}
