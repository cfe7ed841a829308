package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpDropsTest {

  @Test
  void shouldReadTheReceiveQueueDropsFromTheTcpExtLines() {
    List<String> netstat =
        List.of(
            "TcpExt: SyncookiesSent PruneCalled TCPRcvQDrop TCPZeroWindowDrop",
            "TcpExt: 0 8989 7577 3",
            "IpExt: InNoRoutes InTruncatedPkts",
            "IpExt: 0 0");

    assertThat(TcpDrops.parse(netstat)).contains(new TcpDrops(7577));
  }

  @Test
  void shouldBeEmptyWithoutTheCounterOrTheFile() {
    assertThat(TcpDrops.parse(List.of("TcpExt: SyncookiesSent", "TcpExt: 0"))).isEmpty();
    assertThat(TcpDrops.parse(List.of("IpExt: InNoRoutes", "IpExt: 0"))).isEmpty();
    assertThat(TcpDrops.parse(List.of())).isEmpty();
  }

  @Test
  void shouldCountTheDropsBetweenTwoSnapshots() {
    assertThat(new TcpDrops(70).until(new TcpDrops(145)))
        .isEqualTo(Map.of("tcp_receive_queue_drops", 75.0));
  }
}
