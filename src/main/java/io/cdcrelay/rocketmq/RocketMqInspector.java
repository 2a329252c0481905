package io.cdcrelay.rocketmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cdcrelay.config.RocketMqSettings;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Read-only questions to a RocketMQ cluster for the precheck: which master brokers the name server knows,
 * and how many writable queues a topic has. An admin client of its own, with the relay's ACL credentials,
 * closed before the relay's own clients start.
 */
public final class RocketMqInspector implements AutoCloseable {

    private final DefaultMQAdminExt admin;

    public RocketMqInspector(RocketMqSettings settings, Duration timeout) throws MQClientException {
        RPCHook acl = RocketMqClient.acl(settings);
        admin = acl == null ? new DefaultMQAdminExt(timeout.toMillis()) : new DefaultMQAdminExt(acl, timeout.toMillis());
        admin.setNamesrvAddr(settings.namesrvAddr());
        // an instance of its own: a shared name would share the client instance with the relay's admin
        admin.setInstanceName("cdc-relay-precheck-" + settings.group());
        admin.start();
    }

    /** The master brokers registered with the name server; asking fails when no name server answers. */
    public List<String> masterBrokers() throws Exception {
        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        List<String> masters = new ArrayList<>();
        for (BrokerData broker : cluster.getBrokerAddrTable().values()) {
            String master = broker.getBrokerAddrs().get(0L);
            if (master != null) {
                masters.add(broker.getBrokerName() + "@" + master);
            }
        }
        return masters;
    }

    /** The topic's writable message queues over all brokers; 0 when the name server has no route for it. */
    public int writeQueues(String topic) throws Exception {
        TopicRouteData route;
        try {
            route = admin.examineTopicRouteInfo(topic);
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
        admin.shutdown();
    }
}
