package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class KraftQuorumTest {

  private static final String THREE = "1@localhost:9093,2@localhost:9095,3@hostc:9097";

  @Test
  void shouldReadTheVotersAndPlaceThisNodeAmongThem() {
    KraftQuorum quorum = KraftQuorum.parse(2, THREE, null);

    assertThat(quorum.size()).isEqualTo(3);
    assertThat(quorum.controllerPort()).isEqualTo(9095);
    assertThat(quorum.votersConfig("ignored", 0))
        .isEqualTo("1@localhost:9093,2@localhost:9095,3@hostc:9097");
    assertThat(quorum.replicationFactor()).isEqualTo((short) 3);
    assertThat(quorum.minInsyncReplicas()).isEqualTo(2);
  }

  @Test
  void everyNodeOfOneQuorumShouldFormatForTheSameClusterAndAnotherQuorumForAnother() {
    String first = KraftQuorum.parse(1, THREE, null).clusterIdToFormat();

    assertThat(
            KraftQuorum.parse(3, " 3@hostc:9097, 2@localhost:9095,1@localhost:9093", null)
                .clusterIdToFormat())
        .isEqualTo(first);
    assertThat(KraftQuorum.parse(1, "1@localhost:9093,2@localhost:9095", null).clusterIdToFormat())
        .isNotEqualTo(first);
    assertThat(Uuid.fromString(first).toString()).isEqualTo(first).doesNotStartWith("-");
    String given = Uuid.randomUuid().toString();
    assertThat(KraftQuorum.parse(1, THREE, given).clusterIdToFormat()).isEqualTo(given);
  }

  @Test
  void aClusterOfOneShouldKeepOneCopyAndPickItsControllerPortAtStart() {
    KraftQuorum single = KraftQuorum.single();

    assertThat(single.size()).isEqualTo(1);
    assertThat(single.controllerPort()).isZero();
    assertThat(single.votersConfig("localhost", 41_000)).isEqualTo("1@localhost:41000");
    assertThat(single.replicationFactor()).isEqualTo((short) 1);
    assertThat(single.minInsyncReplicas()).isEqualTo(1);
    assertThat(single.clusterIdToFormat()).isNotEqualTo(single.clusterIdToFormat());
  }

  @Test
  void shouldNameTheEntryOrNodeThatIsWrong() {
    assertThatThrownBy(() -> KraftQuorum.parse(1, "1@localhost:9093,2localhost:9095", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2localhost:9095' is not ID@HOST:PORT");
    assertThatThrownBy(() -> KraftQuorum.parse(1, "1@localhost:70000", null))
        .hasMessageContaining("'1@localhost:70000'");
    assertThatThrownBy(() -> KraftQuorum.parse(1, "1@a:1,1@b:2", null))
        .hasMessageContaining("names node 1 twice");
    assertThatThrownBy(() -> KraftQuorum.parse(4, THREE, null))
        .hasMessageContaining("node id 4 is not one of the controller quorum's voters [1, 2, 3]");
    assertThatThrownBy(() -> KraftQuorum.parse(1, THREE, "not-a-cluster-id"))
        .hasMessageContaining("cluster id 'not-a-cluster-id'");
  }
}
