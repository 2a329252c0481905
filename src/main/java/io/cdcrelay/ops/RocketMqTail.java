package io.cdcrelay.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Prints a RocketMQ topic's messages from the beginning, with queue, offset, tag, keys and user properties,
 * and follows new ones: {@code java -cp cdc-relay.jar io.cdcrelay.ops.RocketMqTail <namesrv> <topic> [max]}.
 * Assigns the queues itself, so it joins no consumer group's balancing and commits nothing.
 */
public final class RocketMqTail {

    private RocketMqTail() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RocketMqTail <namesrv-addr> <topic> [max-messages]");
            System.exit(2);
        }
        long max = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("cdc-relay-tail-" + UUID.randomUUID());
        consumer.setNamesrvAddr(args[0]);
        consumer.setAutoCommit(false);
        consumer.start();
        try {
            Collection<MessageQueue> queues = consumer.fetchMessageQueues(args[1]);
            consumer.assign(queues);
            for (MessageQueue queue : queues) {
                consumer.seekToBegin(queue);
            }
            long printed = 0;
            while (printed < max) {
                for (MessageExt m : consumer.poll(Duration.ofSeconds(1).toMillis())) {
                    System.out.println("q" + m.getQueueId() + "@" + m.getQueueOffset() + " tag=" + m.getTags() + " keys="
                            + m.getKeys() + " " + m.getProperties().entrySet().stream()
                                    .filter(e -> e.getKey().startsWith("relay.")).map(Object::toString).sorted().toList());
                    System.out.println("  " + new String(m.getBody(), StandardCharsets.UTF_8));
                    if (++printed >= max) {
                        break;
                    }
                }
            }
        } finally {
            consumer.shutdown();
        }
    }
}
