package io.cdcrelay.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic from its beginning on a thread of its own and notes when each message key first arrived: the
 * moment a row's first change became visible to a consumer.
 */
final class KeyArrivals implements AutoCloseable {

    private final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Thread thread;
    private volatile boolean running = true;

    private KeyArrivals(String bootstrap, String topic) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p);
        this.topic = topic;
        this.thread = new Thread(this::follow, "key-arrivals");
    }

    /** Starts following {@code topic}, which must exist. */
    static KeyArrivals start(String bootstrap, String topic) {
        KeyArrivals arrivals = new KeyArrivals(bootstrap, topic);
        arrivals.thread.start();
        return arrivals;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                consumer.poll(Duration.ofMillis(100))
                        .forEach(r -> firstArrival.putIfAbsent(r.key(), Instant.now()));
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** When the row with this {@code id} (a ledger key) first arrived. */
    Optional<Instant> arrivalOf(int id) {
        return Optional.ofNullable(firstArrival.get("{\"id\":\"" + id + "\"}"));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
