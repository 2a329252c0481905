package io.cdcrelay.mirror;

import java.util.Properties;

import io.cdcrelay.config.MirrorSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The mirror's Kafka client settings: the user's {@code source.properties.*} / {@code destination.properties.*}
 * over the relay's defaults, with the few settings the delivery promise depends on fixed.
 */
public final class MirrorClientProperties {

    private MirrorClientProperties() {
    }

    /**
     * Records are copied as bytes, and offsets are committed by the relay after the destination acknowledged.
     * A committed offset the source no longer holds (retention) restarts at the oldest record, not the end.
     */
    public static Properties consumer(MirrorSettings mirror) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-relay-mirror-" + mirror.groupId());
        p.putAll(mirror.source());
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, mirror.sourceBootstrapServers());
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, mirror.groupId());
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** Idempotent with acks=all, so retries neither duplicate nor reorder within a destination partition. */
    public static Properties producer(MirrorSettings mirror) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(64 * 1024));
        p.setProperty(ProducerConfig.CLIENT_ID_CONFIG, "cdc-relay-mirror-" + mirror.groupId());
        p.putAll(mirror.destination());
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, mirror.destinationBootstrapServers());
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
