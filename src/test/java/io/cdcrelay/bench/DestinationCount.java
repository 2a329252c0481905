package io.cdcrelay.bench;

import java.util.Map;

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
