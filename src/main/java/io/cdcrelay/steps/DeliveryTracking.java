package io.cdcrelay.steps;

import io.cdcrelay.acknowledgement.Ticket;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Route step that counts a change as captured and, once the broker acknowledged everything sent for it, as
 * delivered, with the time that took and the size of what was sent. A change its source handed over with a
 * {@link Ticket} is delivered when the ticket settles; any other when its exchange completes without error.
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
        RelayMetrics.ChangeMeters meters = metrics.captured(change);
        Ticket ticket = exchange.getProperty(Ticket.PROPERTY, Ticket.class);
        if (ticket != null) {
            ticket.watch((failure, bytes) -> {
                if (failure == null) {
                    metrics.delivered(change, meters, captured, bytes);
                }
            });
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                metrics.delivered(change, meters, captured, sizeOf(done.getMessage().getBody()));
            }
        });
    }

    /** The rendered message's value; a key split's list counts as 0. */
    private static long sizeOf(Object body) {
        return body instanceof Outgoing sent && sent.value() != null ? sent.value().length : 0;
    }
}
