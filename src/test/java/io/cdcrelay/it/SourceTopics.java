package io.cdcrelay.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics of the mirror tests' source cluster, and records written to them with known keys, headers and times. */
final class SourceTopics {

    /** A record as sent; {@code headers} as {@code key=value} in order, {@code size} its key, value and header bytes. */
    record Sent(String topic, int partition, String key, String value, long timestamp, List<String> headers, long size) {
    }

    private static final Instant BASE = Instant.parse("2026-11-21T00:00:00Z");

    private final String bootstrap;

    SourceTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    void create(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** {@code count} records "value-i" (i from 0), key "key-(i % 7)", into partition i % partitions, time BASE + i ms. */
    List<Sent> send(String topic, int count, int partitions) throws Exception {
        return send(topic, count, partitions, "value-");
    }

    List<Sent> send(String topic, int count, int partitions, String valuePrefix) throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(new Sent(topic, i % partitions, "key-" + (i % 7), valuePrefix + i, BASE.toEpochMilli() + i,
                    List.of("trace=t" + i, "trace=again", "empty=null"), 0));
        }
        return write(sent);
    }

    /** {@code count} records "at-i" with time {@code base} + i s, into partition i % partitions. */
    List<Sent> sendAt(String topic, Instant base, int count, int partitions) throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(new Sent(topic, i % partitions, "k" + i, "at-" + i, base.plusSeconds(i).toEpochMilli(), List.of(), 0));
        }
        return write(sent);
    }

    private List<Sent> write(List<Sent> records) throws Exception {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Sent> out = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<?>> acks = new ArrayList<>();
            for (Sent s : records) {
                RecordHeaders headers = new RecordHeaders();
                long size = bytes(s.key()) + bytes(s.value());
                for (String h : s.headers()) {
                    String[] kv = h.split("=", 2);
                    byte[] value = kv[1].equals("null") ? null : kv[1].getBytes(StandardCharsets.UTF_8);
                    headers.add(kv[0], value);
                    size += bytes(kv[0]) + (value == null ? 0 : value.length);
                }
                acks.add(producer.send(new ProducerRecord<>(s.topic(), s.partition(), s.timestamp(), s.key(), s.value(),
                        headers)));
                out.add(new Sent(s.topic(), s.partition(), s.key(), s.value(), s.timestamp(), s.headers(), size));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
        return out;
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
