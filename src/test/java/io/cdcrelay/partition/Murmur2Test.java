package io.cdcrelay.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class Murmur2Test {

    @Test
    void hashesEveryLengthExactlyAsKafkasDefaultPartitionerDoes() {
        Random random = new Random(1);
        for (int length = 0; length < 64; length++) {
            for (int i = 0; i < 50; i++) {
                byte[] key = new byte[length];
                random.nextBytes(key);
                assertThat(Murmur2.hash(key)).as("length " + length).isEqualTo(Utils.murmur2(key));
                assertThat(Murmur2.partition(key, 7)).isEqualTo(Utils.toPositive(Utils.murmur2(key)) % 7);
            }
        }
    }

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
        return Murmur2.partition(key.getBytes(StandardCharsets.UTF_8), partitions);
    }
}
