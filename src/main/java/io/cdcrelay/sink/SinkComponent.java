package io.cdcrelay.sink;

import java.util.Map;

import io.cdcrelay.acknowledgement.Ticket;
import io.cdcrelay.position.ResumePoint;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The {@code sink:} endpoint the routes end in ({@code sink:changes}): it sends the body, an {@link Outgoing},
 * through the relay's {@link ChangeSink}. The same route thus works for every broker.
 *
 * <p>An exchange a source handed over with a {@link Ticket} completes as soon as the message is sent, and the
 * ticket holds the source's acknowledgement until the broker answered; any other exchange, and every part of a
 * split, completes when the broker acknowledged the message, or with its failure. A sink that
 * {@link ChangeSink#keepsSplitsWhole() keeps splits whole} takes the parts of a split as sent, like any change:
 * their common ticket still settles only once the broker stored both.
 *
 * <p>Headers the route's steps set on the Camel message go with it ({@link RouteHeaders}).
 *
 * <p>A message rebuilt by a step without its source position gets back the one its exchange carries
 * ({@link ResumePoint#PROPERTY}), so exactly-once never takes a change for a heartbeat because of a route's step.
 */
public final class SinkComponent extends DefaultComponent {

    private final ChangeSink sink;

    public SinkComponent(ChangeSink sink) {
        this.sink = sink;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new SinkEndpoint(uri, this);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        sink.start();
    }

    @Override
    protected void doStop() throws Exception {
        sink.stop();
        super.doStop();
    }

    private final class SinkEndpoint extends DefaultEndpoint {

        SinkEndpoint(String uri, SinkComponent component) {
            super(uri, component);
        }

        @Override
        public Producer createProducer() {
            return new DefaultAsyncProducer(this) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    Object body = exchange.getMessage().getBody();
                    if (!(body instanceof Outgoing message) || message.value() == null) {
                        exchange.setException(new IllegalArgumentException(getEndpointUri() + " sends a rendered "
                                + Outgoing.class.getName() + ", not " + (body == null ? "null" : body.getClass().getName())
                                + ": keep renderWireFormat right before it in the route"));
                        callback.done(true);
                        return true;
                    }
                    if (exchange.getMessage().hasHeaders()) {
                        // what the route's steps set reaches the broker with the message
                        message = message.withHeaders(RouteHeaders.merged(message.headers(),
                                exchange.getMessage().getHeaders()));
                    }
                    if (message.resumeAt() == null) {
                        // a step rebuilt the change without its source position (Outgoing.of(change)): the position
                        // the change was read at still rides on the exchange, and exactly-once commits it
                        ResumePoint point = exchange.getProperty(ResumePoint.PROPERTY, ResumePoint.class);
                        if (point != null) {
                            message = message.resumingAt(point);
                        }
                    }
                    Ticket ticket = exchange.getProperty(Ticket.PROPERTY, Ticket.class);
                    // Without a ticket (a heartbeat) nobody else waits for the broker; inside a split the next part
                    // must not leave before this one was stored (a key change's INSERT after its DELETE), unless
                    // the sink stores both parts at once (exactly-once: one Kafka transaction, which cannot commit
                    // between them, so waiting would never end). Otherwise the ticket waits for the broker and the
                    // exchange completes here, on the sending thread.
                    boolean completeWhenSent = ticket != null
                            && (exchange.getProperty(ExchangePropertyKey.SPLIT_INDEX) == null
                                    || sink.keepsSplitsWhole());
                    if (ticket != null) {
                        ticket.hold();
                    }
                    int size = message.value().length;
                    sink.send(message, failure -> {
                        if (ticket != null) {
                            ticket.release(failure, size);
                        }
                        if (!completeWhenSent) {
                            if (failure != null) {
                                exchange.setException(failure);
                            }
                            callback.done(false);
                        }
                    });
                    if (completeWhenSent) {
                        callback.done(true);
                    }
                    return completeWhenSent;
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException(getEndpointUri() + " only sends: routes end in it");
        }
    }
}
