package io.cdcrelay.rocketmq;

import java.util.Map;
import java.util.TreeMap;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * The three admin requests the relay makes of a RocketMQ cluster (its master brokers, a topic's route, a topic's
 * creation), sent through rocketmq-client's own request API. rocketmq-tools' {@code DefaultMQAdminExt} sends
 * the same requests through the same API, but would bring its server-side dependencies (RocksDB, gRPC) into the
 * production jar for them.
 */
final class RocketMqAdmin implements AutoCloseable {

    private final MQClientInstance instance;
    private final boolean owned;
    private final long timeoutMillis;

    private RocketMqAdmin(MQClientInstance instance, boolean owned, long timeoutMillis) {
        this.instance = instance;
        this.owned = owned;
        this.timeoutMillis = timeoutMillis;
    }

    /** Requests over a started producer's connections; closing it leaves the producer running. */
    static RocketMqAdmin of(DefaultMQProducer producer) {
        return new RocketMqAdmin(producer.getDefaultMQProducerImpl().getMqClientFactory(), false,
                producer.getSendMsgTimeout());
    }

    /**
     * A client of its own, with the relay's ACL credentials. Clients of one instance name share one connection
     * instance, and stopping one would stop the other's: each caller names its own.
     */
    static RocketMqAdmin start(String namesrvAddr, RPCHook acl, long timeoutMillis, String instanceName)
            throws MQClientException {
        ClientConfig config = new ClientConfig();
        config.setNamesrvAddr(namesrvAddr);
        config.setInstanceName(instanceName);
        MQClientInstance instance = MQClientManager.getInstance().getOrCreateMQClientInstance(config, acl);
        instance.start();
        return new RocketMqAdmin(instance, true, timeoutMillis);
    }

    /** Broker name → master address of every master broker the name server knows. */
    Map<String, String> masterBrokers() throws Exception {
        Map<String, String> masters = new TreeMap<>();
        for (BrokerData broker : api().getBrokerClusterInfo(timeoutMillis).getBrokerAddrTable().values()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                masters.put(broker.getBrokerName(), master);
            }
        }
        return masters;
    }

    /** The topic's route; a {@link MQClientException} with {@code TOPIC_NOT_EXIST} when it has none. */
    TopicRouteData route(String topic) throws Exception {
        return api().getTopicRouteInfoFromNameServer(topic, timeoutMillis);
    }

    /** Creates or updates the topic on one broker, as {@code mqadmin updateTopic} does. */
    void createTopic(String brokerAddr, TopicConfig config) throws Exception {
        api().createTopic(brokerAddr, TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, config, timeoutMillis);
    }

    private MQClientAPIImpl api() {
        return instance.getMQClientAPIImpl();
    }

    @Override
    public void close() {
        if (owned) {
            instance.shutdown();
        }
    }
}
