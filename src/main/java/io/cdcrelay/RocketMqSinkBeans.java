package io.cdcrelay;

import java.time.Duration;

import io.cdcrelay.config.RocketMqSettings;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.rocketmq.OrderedQueueSender;
import io.cdcrelay.rocketmq.RocketMqClient;
import io.cdcrelay.rocketmq.RocketMqTopics;
import io.cdcrelay.rocketmq.RocketMqTransport;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.RocketMqChangeSink;
import org.apache.camel.CamelContext;

/** The sink of {@code relay.sink=rocketmq}: the client, topic admin and the ordered per-queue sender. */
final class RocketMqSinkBeans {

    /** Messages per batch to one queue: batches of 100 made 140-210k messages/s (docs/field-notes.md#rocketmq). */
    private static final int BATCH = 100;

    private RocketMqSinkBeans() {
    }

    static ChangeSink sink(CamelContext context, RocketMqSettings rocketmq, TopicSettings topics) throws Exception {
        RocketMqClient client = new RocketMqClient(rocketmq);
        context.addService(client);
        RocketMqTopics admin = new RocketMqTopics(client, topics.partitions(), topics.createMissing());
        OrderedQueueSender<org.apache.rocketmq.common.message.Message> sender = new OrderedQueueSender<>(
                new RocketMqTransport(client, admin), BATCH, 10, Duration.ofMillis(200),
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(client, "RocketMqRetry"));
        return new RocketMqChangeSink(sender, admin);
    }
}
