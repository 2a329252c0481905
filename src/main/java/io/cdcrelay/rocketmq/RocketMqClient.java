package io.cdcrelay.rocketmq;

import io.cdcrelay.config.RocketMqSettings;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.RPCHook;

/** The relay's one RocketMQ producer, started and stopped with Camel; its connections also carry the admin requests. */
public final class RocketMqClient extends ServiceSupport {

    private final RocketMqSettings settings;
    private DefaultMQProducer producer;
    private RocketMqAdmin admin;

    public RocketMqClient(RocketMqSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doStart() throws Exception {
        RPCHook acl = acl(settings);
        producer = new DefaultMQProducer(settings.group(), acl);
        producer.setNamesrvAddr(settings.namesrvAddr());
        producer.setInstanceName("cdc-relay-" + settings.group());
        producer.setSendMsgTimeout(settings.sendTimeoutMs());
        producer.setMaxMessageSize(settings.maxMessageSize());
        producer.setRetryTimesWhenSendAsyncFailed(settings.retryTimes());
        producer.start();
        admin = RocketMqAdmin.of(producer);
    }

    @Override
    protected void doStop() {
        if (producer != null) {
            producer.shutdown();
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

    /** Admin requests over the producer's own connections. */
    RocketMqAdmin admin() {
        return admin;
    }

    long sendTimeoutMillis() {
        return producer.getSendMsgTimeout();
    }
}
