package io.cdcrelay;

import java.util.HashMap;
import java.util.Map;

import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.topic.KafkaTopics;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;

/** The beans of {@code relay.sink=kafka}: the {@code kafka} component the routes send with, and topic admin. */
final class KafkaSinkBeans {

    private KafkaSinkBeans() {
    }

    static TopicPartitions bind(CamelContext context, KafkaSettings kafka, TopicSettings topics) throws Exception {
        KafkaTopics admin = new KafkaTopics(KafkaTopics.adminProperties(kafka.bootstrapServers(), kafka.producer()), topics.partitions(), topics.replicationFactor(),
                topics.createMissing());
        context.addService(admin);
        context.getRegistry().bind("kafka", component(kafka));
        return admin;
    }

    /** Idempotent, acks=all, asynchronous: per-partition order holds with up to 5 requests in flight. */
    private static KafkaComponent component(KafkaSettings kafka) {
        KafkaConfiguration c = new KafkaConfiguration();
        c.setBrokers(kafka.bootstrapServers());
        c.setRequestRequiredAcks("all");
        c.setEnableIdempotence(true);
        c.setMaxInFlightRequest(5);
        c.setLingerMs(5);
        c.setCompressionCodec("lz4");
        c.setRecordMetadata(false);
        Map<String, Object> passThrough = new HashMap<>(kafka.producer());
        c.setAdditionalProperties(passThrough);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(c);
        return component;
    }
}
