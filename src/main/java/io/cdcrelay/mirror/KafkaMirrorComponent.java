package io.cdcrelay.mirror;

import java.util.Map;
import java.util.Properties;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.MirrorSettings;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayHealth;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultComponent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code kafka-mirror} component of {@code routes/kafka-mirror.camel.yaml}: a source consumer that
 * commits offsets only after the destination acknowledged, and a byte-for-byte destination producer.
 */
public final class KafkaMirrorComponent extends DefaultComponent {

    static final String SOURCE = "source";
    static final String DESTINATION = "destination";

    private final MirrorSettings mirror;
    private final DeliverySettings delivery;
    private final MirrorMetrics metrics;
    private final RelayHealth health;

    public KafkaMirrorComponent(MirrorSettings mirror, DeliverySettings delivery, MirrorMetrics metrics,
            RelayHealth health) {
        this.mirror = mirror;
        this.delivery = delivery;
        this.metrics = metrics;
        this.health = health;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (!remaining.equals(SOURCE) && !remaining.equals(DESTINATION)) {
            throw new IllegalArgumentException(uri + " names no side of the mirror: use kafka-mirror:source or "
                    + "kafka-mirror:destination");
        }
        return new KafkaMirrorEndpoint(uri, this, remaining);
    }

    /**
     * A client setting Kafka refuses stops the start, instead of failing every consumer restart; the launcher
     * asks before the precheck, so a wrong setting is reported as one (exit code 2) without waiting for a server.
     */
    public static void validateClientSettings(MirrorSettings mirror) {
        validate(() -> new ConsumerConfig(MirrorClientProperties.consumer(mirror)), "relay.mirror.source.properties.");
        MirrorClientProperties.checkHeartbeat(MirrorClientProperties.consumer(mirror));
        validate(() -> new ProducerConfig(MirrorClientProperties.producer(mirror)), "relay.mirror.destination.properties.");
    }

    MirrorConsumer newConsumer(KafkaMirrorEndpoint endpoint, Processor processor) {
        Properties consumer = MirrorClientProperties.consumer(mirror);
        validate(() -> new ConsumerConfig(consumer), "relay.mirror.source.properties.");
        return new MirrorConsumer(endpoint, processor, consumer, mirror.topics(),
                new StartPosition(mirror.startOffset(), mirror.startTime()), delivery, metrics, health);
    }

    MirrorProducer newProducer(KafkaMirrorEndpoint endpoint) {
        Properties producer = MirrorClientProperties.producer(mirror);
        validate(() -> new ProducerConfig(producer), "relay.mirror.destination.properties.");
        return new MirrorProducer(endpoint, producer);
    }

    private static void validate(Runnable parse, String prefix) {
        try {
            parse.run();
        } catch (ConfigException e) {
            throw new SettingsException(prefix + "* has a value Kafka refuses (" + e.getMessage() + "): fix it.");
        }
    }
}
