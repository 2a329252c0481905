package io.cdcrelay.ops;

import io.cdcrelay.change.ChangeEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Route step that counts a change as captured and, once its exchange completes without error (the broker
 * acknowledged it), as delivered.
 */
public final class DeliveryTracking implements Processor {

    private final RelayMetrics metrics;

    public DeliveryTracking(RelayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        ChangeEvent change = exchange.getMessage().getBody(ChangeEvent.class);
        metrics.captured(change);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                metrics.delivered(change);
            }
        });
    }
}
