package io.cdcrelay.topic;

import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What every producer of the relay is (the change sink's and the mirror's): acknowledged by every in-sync
 * replica and idempotent, so a retry neither duplicates nor reorders a partition's messages; five requests in
 * flight, which idempotence keeps in order; a 5 ms linger to fill batches. Each adds its own batch size,
 * compression and client id, and the user's settings go over all of them.
 */
public final class OrderedProducer {

    private OrderedProducer() {
    }

    public static Properties defaults() {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }
}
