package io.cdcrelay.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic's messages from the beginning, with partition, offset, key and headers, and follows new
 * ones: {@code java -cp cdc-relay.jar io.cdcrelay.ops.TopicTail <bootstrap-servers> <topic> [max]}.
 * Reads without a consumer group, so it never moves anyone's offsets.
 */
public final class TopicTail {

    private TopicTail() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TopicTail <bootstrap-servers> <topic> [max-messages]");
            System.exit(2);
        }
        long max = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(args[1], Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long printed = 0;
            while (printed < max) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.println("p" + r.partition() + "@" + r.offset() + " key=" + r.key() + " " + headers(r));
                    System.out.println("  " + r.value());
                    if (++printed >= max) {
                        break;
                    }
                }
            }
        }
    }

    private static String headers(ConsumerRecord<?, ?> record) {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (Header h : record.headers()) {
            joined.add(h.key() + "=" + (h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
        }
        return joined.toString();
    }
}
