package io.streamsentinel.kafka;

/** A port the embedded broker needs is taken by another process. */
public final class PortInUseException extends IllegalStateException {

  private final int port;

  public PortInUseException(int port, String hint, Throwable cause) {
    super("port " + port + " is already in use; " + hint, cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
