package io.cdcrelay.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.topic.OrderedProducer;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code relay.sink=kafka}: one idempotent producer with {@code acks=all}, so each partition keeps the order of
 * the sends with up to five requests in flight; {@code relay.kafka.producer.*} pass through and win. A message
 * Kafka refuses for itself is parked in the dead-letter topic when one is set; its parking happens on
 * {@code parking}, never on the producer's own thread, which a send may wait for.
 */
public final class KafkaChangeSink implements ChangeSink {

    private static final Duration CLOSE = Duration.ofSeconds(30);

    private final Supplier<Producer<String, byte[]>> producers;
    private final TopicPartitions topics;
    private final Optional<DeadLetters> deadLetters;
    private final ExecutorService parking;
    private volatile Producer<String, byte[]> producer;

    /**
     * @param clientId           the producer's {@code client.id} unless {@code relay.kafka.producer.client.id} says
     *                           otherwise; the relay's log settings recognize the relay's own clients by it
     * @param transactionAtATime rule One: one transaction in flight at a time, so a batch never fills while the
     *                           producer lingers; it sends at once ({@code linger.ms=0}) unless told otherwise
     */
    public KafkaChangeSink(KafkaSettings kafka, String clientId, boolean transactionAtATime, TopicPartitions topics,
            Optional<DeadLetters> deadLetters,
            ExecutorService parking) {
        this(producerOf(producerProperties(kafka, clientId, transactionAtATime)), topics, deadLetters, parking);
    }

    /** @param producers makes the producer when the sink starts: the real one, or a test's MockProducer */
    KafkaChangeSink(Supplier<Producer<String, byte[]>> producers, TopicPartitions topics,
            Optional<DeadLetters> deadLetters, ExecutorService parking) {
        this.producers = producers;
        this.topics = topics;
        this.deadLetters = deadLetters;
        this.parking = parking;
    }

    private static Supplier<Producer<String, byte[]>> producerOf(Properties properties) {
        return () -> new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The relay's producer settings: acknowledged by every in-sync replica, idempotent, lz4 in batches of 128 KB,
     * no client telemetry, then the user's {@code relay.kafka.producer.*} over them. Public for the benchmark's
     * floor, which must pay what the relay's producer pays.
     */
    public static Properties producerProperties(KafkaSettings kafka, String clientId, boolean transactionAtATime) {
        Properties p = OrderedProducer.defaults();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.setProperty(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        if (transactionAtATime) {
            p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "0");
        }
        p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Kafka's 16 KB batches made a request, and an lz4 frame, every ~40 changes: per-batch work in the relay
        // and in the broker dominated (bench/pipeline.sh: broker CPU 12.9 -> 9.4 µs, relay 65 -> 60 µs a change)
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        // client telemetry (KIP-714) formats a String on every network poll even when the broker asks for no
        // metrics: 0.6 % of the relay's CPU while streaming at 4,000 rows/s; relay.kafka.producer.* turns it back on
        p.setProperty(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
        p.putAll(kafka.producer());
        return p;
    }

    @Override
    public void start() {
        producer = producers.get();
    }

    @Override
    public void stop() {
        Producer<String, byte[]> current = producer;
        if (current != null) {
            current.close(CLOSE);
        }
    }

    @Override
    public void send(Outgoing message, Consumer<Throwable> done) {
        AllAcknowledged copies = new AllAcknowledged(message.everyPartition() ? message.partitionCount() : 1, done);
        RecordHeaders headers = headersOf(message);
        for (int partition : message.targetPartitions()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), partition, message.key(),
                    message.value(), headers);
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null && deadLetters.isPresent() && DeadLetters.refusedForItself(error)) {
                        parking.execute(() -> park(message, partition, error, copies));
                    } else {
                        copies.accept(error);
                    }
                });
            } catch (RuntimeException e) {
                copies.accept(e);
            }
        }
    }

    private void park(Outgoing message, int partition, Throwable refused, Consumer<Throwable> copies) {
        try {
            producer.send(deadLetters.get().parked(message, partition, refused), (metadata, error) -> copies.accept(error));
        } catch (RuntimeException e) {
            copies.accept(e);
        }
    }

    @Override
    public int partitionsOf(String topic) {
        return topics.partitionsOf(topic);
    }

    static RecordHeaders headersOf(Outgoing message) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            headers.add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
