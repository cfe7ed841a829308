package io.streamsentinel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TCP segments Linux has dropped so far because a socket's receive queue was full ({@code
 * TcpExt: TCPRcvQDrop} in {@code /proc/net/netstat}, what {@code nstat} shows), machine-wide. Each
 * such segment is sent again only after a retransmission timeout of at least 200 ms, which a
 * latency percentile shows as a stall. Kafka's fixed client socket buffers caused exactly that over
 * loopback until the clients left them to the operating system (README, Tuning profiles). Empty
 * where the file is not there or has no such counter (not Linux).
 */
record TcpDrops(long receiveQueue) {

  private static final Path NETSTAT = Path.of("/proc/net/netstat");
  private static final String COUNTER = "TCPRcvQDrop";

  /** The counter now, if this system has it. */
  static Optional<TcpDrops> now() {
    try {
      return parse(Files.readAllLines(NETSTAT));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@code TCPRcvQDrop} from the text of {@code /proc/net/netstat}: a {@code TcpExt:} line of
   * names followed by a {@code TcpExt:} line of values in the same order.
   */
  static Optional<TcpDrops> parse(List<String> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      String names = lines.get(i);
      String values = lines.get(i + 1);
      if (names.startsWith("TcpExt:") && values.startsWith("TcpExt:")) {
        List<String> n = List.of(names.trim().split("\\s+"));
        String[] v = values.trim().split("\\s+");
        int at = n.indexOf(COUNTER);
        if (at > 0 && at < v.length) {
          return Optional.of(new TcpDrops(Long.parseLong(v[at])));
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The drops from this snapshot to a later one: {@code tcp_receive_queue_drops}. */
  Map<String, Double> until(TcpDrops later) {
    return Map.of("tcp_receive_queue_drops", (double) (later.receiveQueue - receiveQueue));
  }
}
