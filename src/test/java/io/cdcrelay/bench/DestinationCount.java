package io.cdcrelay.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.cdcrelay.it.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * How many messages the relay's destination holds in one topic: what {@link RelayCompetitor} counts, since the
 * relay's changes count once the destination has them. Kafka: the sum of the partitions' end offsets; RocketMQ:
 * the sum of the queues' max offsets (as {@link RocketMqThroughputBenchmark} reads them). 0 while the topic
 * does not exist.
 */
interface DestinationCount extends AutoCloseable {

    long stored();

    @Override
    void close();

    static DestinationCount kafka(String bootstrap, String topic) {
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        return new DestinationCount() {
            @Override
            public long stored() {
                return TopicReader.storedMessages(admin, topic);
            }

            @Override
            public void close() {
                admin.close();
            }
        };
    }

    /**
     * Messages a {@code read_committed} consumer has seen in {@code topic}: a transactional producer's commit
     * markers take offsets too, so end offsets over-count what an exactly-once relay delivered.
     */
    static DestinationCount kafkaCommitted(String bootstrap, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed", "enable.auto.commit", "false", "max.poll.records", "50000"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        return new DestinationCount() {
            private long seen;
            private boolean assigned;

            @Override
            public synchronized long stored() {
                if (!assigned) {
                    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                    if (partitions == null || partitions.isEmpty()) {
                        return 0;
                    }
                    List<TopicPartition> all = partitions.stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(all);
                    consumer.seekToBeginning(all);
                    assigned = true;
                }
                // everything stored so far: one poll returns at most max.poll.records
                for (int polled = -1; polled != 0; seen += polled) {
                    polled = consumer.poll(Duration.ofMillis(20)).count();
                }
                return seen;
            }

            @Override
            public synchronized void close() {
                consumer.close();
            }
        };
    }

    static DestinationCount rocketMq(String namesrvAddr, String topic) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("bench-count");
        admin.start();
        return new DestinationCount() {
            @Override
            public long stored() {
                try {
                    return admin.examineTopicStats(topic).getOffsetTable().values().stream()
                            .mapToLong(TopicOffset::getMaxOffset).sum();
                } catch (Exception notThereYet) {
                    return 0;
                }
            }

            @Override
            public void close() {
                admin.shutdown();
            }
        };
    }
}
