package io.cdcrelay.rocketmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cdcrelay.config.RocketMqSettings;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * Read-only questions to a RocketMQ cluster for the precheck: which master brokers the name server knows,
 * and how many writable queues a topic has. An admin client of its own, with the relay's ACL credentials,
 * closed before the relay's own clients start.
 */
public final class RocketMqInspector implements AutoCloseable {

    private final RocketMqAdmin admin;

    public RocketMqInspector(RocketMqSettings settings, Duration timeout) throws MQClientException {
        admin = RocketMqAdmin.start(settings.namesrvAddr(), RocketMqClient.acl(settings), timeout.toMillis(),
                "cdc-relay-precheck-" + settings.group());
    }

    /** The master brokers registered with the name server; asking fails when no name server answers. */
    public List<String> masterBrokers() throws Exception {
        List<String> masters = new ArrayList<>();
        admin.masterBrokers().forEach((name, address) -> masters.add(name + "@" + address));
        return masters;
    }

    /** The topic's writable message queues over all brokers; 0 when the name server has no route for it. */
    public int writeQueues(String topic) throws Exception {
        TopicRouteData route;
        try {
            route = admin.route(topic);
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return 0;
            }
            throw e;
        }
        int queues = 0;
        for (QueueData queue : route.getQueueDatas()) {
            if (PermName.isWriteable(queue.getPerm())) {
                queues += queue.getWriteQueueNums();
            }
        }
        return queues;
    }

    @Override
    public void close() {
        admin.close();
    }
}
