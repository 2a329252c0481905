package io.cdcrelay.ops;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Route step that counts a change as captured and, once its exchange completes without error (the broker
 * acknowledged it), as delivered, with the time that took and the size of the message sent.
 */
public final class DeliveryTracking implements Processor {

    private final RelayMetrics metrics;

    public DeliveryTracking(RelayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        ChangeEvent change = exchange.getMessage().getBody(Outgoing.class).change();
        long captured = System.nanoTime();
        metrics.captured(change);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                metrics.delivered(change, captured, sizeOf(done.getMessage().getBody()));
            }
        });
    }

    /** The rendered message's value; a key split's list counts as 0. */
    private static long sizeOf(Object body) {
        return body instanceof Outgoing sent && sent.value() != null ? sent.value().length : 0;
    }
}
