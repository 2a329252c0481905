package io.cdcrelay.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Rule Hash picks partitions with Kafka's own hash of the key's bytes. */
class KafkaPartitionOfKeyTest {

    /** Pinned: a change here moves every key to another partition for every user. */
    @Test
    void knownKeysKeepTheirPartitions() {
        // values computed with Kafka's own Utils.murmur2, positive, modulo the count
        assertThat(partition("{\"id\":\"7\"}", 3)).isEqualTo(2);
        assertThat(partition("{\"id\":\"1\"}", 3)).isEqualTo(2);
        assertThat(partition("{\"code\":\"A\"}", 3)).isEqualTo(1);
        assertThat(partition("{\"id\":\"7\"}", 12)).isEqualTo(11);
        assertThat(partition("{\"order_id\":\"1001\",\"line\":\"2\"}", 8)).isEqualTo(1);
    }

    private static int partition(String key, int partitions) {
        return HashPartitioner.partitionOfKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }
}
