package io.cdcrelay.acknowledgement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of single-threaded lanes; all work for one destination partition runs on one lane, in the order it
 * was given, so per-change work (rendering, handing to the broker client) can spread over the cores while each
 * partition still receives its changes in commit order.
 *
 * <p>Work for every partition at once (a DDL or heartbeat broadcast) waits at a {@link #barrier} until the lanes
 * finished what was given before it, so no partition sees the broadcast before an earlier change of its own.
 */
public final class PartitionLanes implements AutoCloseable {

    private final List<ExecutorService> lanes = new ArrayList<>();
    private final Duration barrierTimeout;

    /** @param lanes single-threaded executors, one a lane */
    public PartitionLanes(List<ExecutorService> lanes, Duration barrierTimeout) {
        this.lanes.addAll(lanes);
        this.barrierTimeout = barrierTimeout;
    }

    /** The lane of a topic's partition: a pure function of both, so a partition never changes lanes. */
    public int laneOf(String topic, int partition) {
        return Math.floorMod(31 * topic.hashCode() + partition, lanes.size());
    }

    public void execute(String topic, int partition, Runnable work) {
        lanes.get(laneOf(topic, partition)).execute(work);
    }

    /**
     * Waits until every lane ran what it was given before this call.
     *
     * @throws DeliveryFailedException when the lanes did not get there within the timeout
     */
    public void barrier() throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(lanes.size());
        lanes.forEach(lane -> lane.execute(reached::countDown));
        if (!reached.await(barrierTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new DeliveryFailedException("the partition lanes did not drain within " + barrierTimeout.toSeconds()
                    + " s (relay.delivery.timeout)", null);
        }
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
    }
}
