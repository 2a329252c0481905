package io.cdcrelay.mirror;

import java.util.Properties;

import io.cdcrelay.config.MirrorSettings;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.topic.OrderedProducer;
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
     * The consumer's {@code session.timeout.ms} unless the user sets it. An instance that dies without leaving the
     * group (SIGKILL, a lost host or network) keeps its partitions until the group coordinator has missed its
     * heartbeats this long, and Kafka's default of 45 s left them unmirrored that long. 10 s stays above the
     * brokers' default {@code group.min.session.timeout.ms} (6 s), which refuses shorter sessions.
     */
    static final int SESSION_TIMEOUT_MS = 10_000;

    /**
     * The consumer's {@code heartbeat.interval.ms} unless the user sets it. The surviving instances learn of the
     * rebalance from a heartbeat's answer, so this bounds how long after the dead one's expiry they rejoin; ten
     * heartbeats per session also ride out a few late ones.
     */
    static final int HEARTBEAT_INTERVAL_MS = 1_000;

    /**
     * Records are copied as bytes, and offsets are committed by the relay after the destination acknowledged.
     * A committed offset the source no longer holds (retention) restarts at the oldest record, not the end.
     */
    public static Properties consumer(MirrorSettings mirror) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-relay-mirror-" + mirror.groupId());
        p.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(SESSION_TIMEOUT_MS));
        p.setProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(HEARTBEAT_INTERVAL_MS));
        p.putAll(mirror.source());
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, mirror.sourceBootstrapServers());
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, mirror.groupId());
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /**
     * Kafka's consumer refuses to start when its heartbeat interval is not below its session timeout, and the mirror
     * would then fail every restart; a user who shortens only the session timeout meets this with the default
     * interval too.
     */
    static void checkHeartbeat(Properties consumer) {
        ConsumerConfig config = new ConsumerConfig(consumer);
        int session = config.getInt(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        int heartbeat = config.getInt(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
        if (heartbeat >= session) {
            throw new SettingsException("relay.mirror.source.properties.heartbeat.interval.ms=" + heartbeat
                    + " is not lower than relay.mirror.source.properties.session.timeout.ms=" + session
                    + ", which Kafka's consumer refuses: set the heartbeat interval to a third of the session timeout "
                    + "or less.");
        }
    }

    /**
     * What the mirror says when the source cluster refuses its session timeout: the relay's default is shorter than
     * Kafka's, and a cluster may have raised {@code group.min.session.timeout.ms} above it.
     */
    static String sessionTimeoutRefused(Properties consumer) {
        return "the source cluster refuses relay.mirror.source.properties.session.timeout.ms="
                + consumer.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG) + " (outside its "
                + "group.min.session.timeout.ms and group.max.session.timeout.ms): set it within that range";
    }

    /** Idempotent with acks=all, so retries neither duplicate nor reorder within a destination partition. */
    public static Properties producer(MirrorSettings mirror) {
        Properties p = OrderedProducer.defaults();
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(64 * 1024));
        p.setProperty(ProducerConfig.CLIENT_ID_CONFIG, "cdc-relay-mirror-" + mirror.groupId());
        p.putAll(mirror.destination());
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, mirror.destinationBootstrapServers());
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
