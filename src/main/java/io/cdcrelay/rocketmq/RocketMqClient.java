package io.cdcrelay.rocketmq;

import io.cdcrelay.config.RocketMqSettings;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/** The relay's one RocketMQ producer and admin client, started and stopped with Camel. */
public final class RocketMqClient extends ServiceSupport {

    private final RocketMqSettings settings;
    private DefaultMQProducer producer;
    private DefaultMQAdminExt admin;

    public RocketMqClient(RocketMqSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doStart() throws Exception {
        RPCHook acl = acl(settings);
        producer = new DefaultMQProducer(settings.group(), acl);
        producer.setNamesrvAddr(settings.namesrvAddr());
        producer.setInstanceName("cdc-relay-" + settings.group());
        int timeout = settings.sendTimeoutMs();
        producer.setSendMsgTimeout(timeout);
        producer.setMaxMessageSize(settings.maxMessageSize());
        producer.setRetryTimesWhenSendAsyncFailed(settings.retryTimes());
        producer.start();
        admin = startAdmin(settings, timeout, "cdc-relay-admin-" + settings.group());
    }

    /**
     * An admin client with the relay's ACL credentials. Each caller names its own instance: clients of one
     * instance name share one connection instance, and stopping one would stop the other's.
     */
    static DefaultMQAdminExt startAdmin(RocketMqSettings settings, long timeoutMillis, String instanceName)
            throws MQClientException {
        RPCHook acl = acl(settings);
        DefaultMQAdminExt admin = acl == null ? new DefaultMQAdminExt(timeoutMillis)
                : new DefaultMQAdminExt(acl, timeoutMillis);
        admin.setNamesrvAddr(settings.namesrvAddr());
        admin.setInstanceName(instanceName);
        admin.start();
        return admin;
    }

    /** Broker name → master address of every master broker the name server knows. */
    static Map<String, String> masterBrokers(DefaultMQAdminExt admin) throws Exception {
        Map<String, String> masters = new TreeMap<>();
        for (BrokerData broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                masters.put(broker.getBrokerName(), master);
            }
        }
        return masters;
    }

    @Override
    protected void doStop() {
        if (producer != null) {
            producer.shutdown();
        }
        if (admin != null) {
            admin.shutdown();
        }
    }

    /** The ACL credentials of {@code access-key} / {@code secret-key}; null without an access key. */
    static RPCHook acl(RocketMqSettings settings) {
        return settings.accessKey()
                .map(accessKey -> new AclClientRPCHook(new SessionCredentials(accessKey, settings.secretKey())))
                .orElse(null);
    }

    DefaultMQProducer producer() {
        return producer;
    }

    DefaultMQAdminExt admin() {
        return admin;
    }

    long sendTimeoutMillis() {
        return producer.getSendMsgTimeout();
    }
}
