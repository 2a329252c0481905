package io.cdcrelay.steps;

import io.cdcrelay.acknowledgement.PartitionLanes;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * The rest of the route runs on the lane of the change's partition ({@code relay.delivery.lanes}): the steps after
 * this one (rendering, the sink) work on several changes at once, and each partition's changes still reach the
 * broker in commit order. A change for every partition (DDL, heartbeat under Hash) first waits for the lanes to
 * finish what came before it, then goes on in the caller's thread.
 */
public final class ContinueOnPartitionLane extends AsyncProcessorSupport {

    private final PartitionLanes lanes;

    public ContinueOnPartitionLane(PartitionLanes lanes) {
        this.lanes = lanes;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Outgoing outgoing = exchange.getMessage().getBody(Outgoing.class);
        if (outgoing.everyPartition()) {
            try {
                lanes.barrier();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.setException(e);
            } catch (RuntimeException e) {
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }
        lanes.execute(outgoing.topic(), outgoing.partition(), () -> callback.done(false));
        return false;
    }
}
