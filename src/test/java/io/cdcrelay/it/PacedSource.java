package io.cdcrelay.it;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records {@code p<partition>-<i>} at a steady rate into a source topic, record i into partition
 * i % partitions, and remembers when each was handed to the producer ({@link System#nanoTime()}).
 */
final class PacedSource implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int partitions;
    private final int perSecond;
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failed = new AtomicReference<>();
    private volatile boolean running;
    private Thread thread;

    PacedSource(String bootstrap, String topic, int partitions, int perSecond) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.topic = topic;
        this.partitions = partitions;
        this.perSecond = perSecond;
    }

    static int partitionOf(String value) {
        return Integer.parseInt(value.substring(1, value.indexOf('-')));
    }

    void start() {
        running = true;
        thread = new Thread(this::write, "paced-source");
        thread.start();
    }

    /** Stops writing once every record sent was acknowledged. @return each value with the time it was sent */
    Map<String, Long> stop() throws Exception {
        running = false;
        thread.join();
        producer.flush();
        if (failed.get() != null) {
            throw failed.get();
        }
        return Map.copyOf(sent);
    }

    private void write() {
        long start = System.nanoTime();
        long i = 0;
        while (running) {
            // as many as the rate allows by now, so a late wake-up catches up instead of slowing the rate
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            for (; i < due; i++) {
                int partition = (int) (i % partitions);
                String value = "p" + partition + "-" + i;
                sent.put(value, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, value), (metadata, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join();
        }
        producer.close();
    }
}
