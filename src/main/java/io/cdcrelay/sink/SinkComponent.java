package io.cdcrelay.sink;

import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The {@code sink:} endpoint the routes end in ({@code sink:changes}): it sends the body, an {@link Outgoing},
 * through the relay's {@link ChangeSink} and completes the exchange when the broker acknowledged it, or with
 * the broker's failure. The same route thus works for every broker.
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
                    sink.send(message, failure -> {
                        if (failure != null) {
                            exchange.setException(failure);
                        }
                        callback.done(false);
                    });
                    return false;
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException(getEndpointUri() + " only sends: routes end in it");
        }
    }
}
