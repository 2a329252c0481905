package io.cdcrelay;

import java.time.Duration;

import io.cdcrelay.config.RocketMqSettings;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.rocketmq.OrderedQueueSender;
import io.cdcrelay.rocketmq.RocketMqClient;
import io.cdcrelay.rocketmq.RocketMqTopics;
import io.cdcrelay.rocketmq.RocketMqTransport;
import io.cdcrelay.steps.SendToRocketMq;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.camel.CamelContext;

/** The beans of {@code relay.sink=rocketmq}: the ordered sender the routes call, and topic admin. */
final class RocketMqSinkBeans {

    /** Messages per batch to one queue: FIELD-NOTES measured batches of 100 at 140-210k messages/s. */
    private static final int BATCH = 100;

    private RocketMqSinkBeans() {
    }

    static TopicPartitions bind(CamelContext context, RocketMqSettings rocketmq, TopicSettings topics) throws Exception {
        RocketMqClient client = new RocketMqClient(rocketmq);
        context.addService(client);
        RocketMqTopics admin = new RocketMqTopics(client, topics.partitions(), topics.createMissing());
        OrderedQueueSender<org.apache.rocketmq.common.message.Message> sender = new OrderedQueueSender<>(
                new RocketMqTransport(client, admin), BATCH, 10, Duration.ofMillis(200),
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(client, "RocketMqRetry"));
        context.getRegistry().bind("sendToRocketMq", new SendToRocketMq(sender));
        return admin;
    }
}
