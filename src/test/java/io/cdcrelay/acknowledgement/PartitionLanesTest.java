package io.cdcrelay.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartitionLanesTest {

    private final PartitionLanes lanes = new PartitionLanes(List.of(Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor()), Duration.ofSeconds(5));

    @AfterEach
    void close() {
        lanes.close();
    }

    @Test
    void eachPartitionsWorkRunsInTheOrderGivenAndAPartitionNeverChangesLanes() throws Exception {
        Map<Integer, List<Integer>> seen = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            int partition = i % 7;
            int n = i;
            lanes.execute("t", partition, () -> {
                synchronized (seen) {
                    seen.computeIfAbsent(partition, p -> new ArrayList<>()).add(n);
                }
            });
        }
        lanes.barrier();

        for (int partition = 0; partition < 7; partition++) {
            assertThat(seen.get(partition)).hasSize(10_000 / 7 + (partition < 10_000 % 7 ? 1 : 0)).isSorted();
            assertThat(lanes.laneOf("t", partition)).isEqualTo(lanes.laneOf("t", partition)).isBetween(0, 2);
        }
    }

    @Test
    void theBarrierReturnsOnlyOnceEveryLaneRanWhatCameBeforeIt() throws Exception {
        List<String> done = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            lanes.execute("t", partition, () -> {
                sleep(50);
                synchronized (done) {
                    done.add("p" + p);
                }
            });
        }
        lanes.barrier();
        synchronized (done) {
            assertThat(done).containsExactlyInAnyOrder("p0", "p1", "p2");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
