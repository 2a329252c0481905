package io.cdcrelay.mirror;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code kafka-mirror:source} reads the source topics; {@code kafka-mirror:destination} writes to the
 * destination cluster. Neither takes URI options: both are configured by {@code relay.mirror.*}.
 */
final class KafkaMirrorEndpoint extends DefaultEndpoint {

    private final KafkaMirrorComponent component;
    private final String side;

    KafkaMirrorEndpoint(String uri, KafkaMirrorComponent component, String side) {
        super(uri, component);
        this.component = component;
        this.side = side;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!side.equals(KafkaMirrorComponent.SOURCE)) {
            throw new IllegalArgumentException("kafka-mirror:" + side + " cannot start a route: use from kafka-mirror:source");
        }
        Consumer consumer = component.newConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        if (!side.equals(KafkaMirrorComponent.DESTINATION)) {
            throw new IllegalArgumentException("kafka-mirror:" + side + " cannot be sent to: use to kafka-mirror:destination");
        }
        return component.newProducer(this);
    }
}
