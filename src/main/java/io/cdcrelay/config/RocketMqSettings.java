package io.cdcrelay.config;

import java.util.Optional;

/**
 * The destination RocketMQ cluster and the relay's producer of it.
 *
 * @param sendTimeoutMs  {@code relay.rocketmq.producer.send-timeout}
 * @param maxMessageSize {@code relay.rocketmq.producer.max-message-size}, bytes
 * @param retryTimes     {@code relay.rocketmq.producer.retry-times}: the client's own retries of an asynchronous send
 * @param accessKey      {@code relay.rocketmq.producer.access-key}: ACL credentials with {@code secretKey}; empty
 *                       without ACL
 */
public record RocketMqSettings(String namesrvAddr, String group, int sendTimeoutMs, int maxMessageSize,
        int retryTimes, Optional<String> accessKey, String secretKey) implements Destination {

    @Override
    public Sink sink() {
        return Sink.ROCKETMQ;
    }

    static RocketMqSettings from(PropertyReader r) {
        return new RocketMqSettings(
                r.require(SinkKeys.ROCKETMQ_NAMESRV,
                        "name the RocketMQ name servers, for example relay.rocketmq.namesrv-addr=host:9876"),
                r.get(SinkKeys.ROCKETMQ_GROUP),
                r.get(SinkKeys.ROCKETMQ_SEND_TIMEOUT),
                r.get(SinkKeys.ROCKETMQ_MAX_MESSAGE_SIZE),
                r.get(SinkKeys.ROCKETMQ_RETRY_TIMES),
                r.find(SinkKeys.ROCKETMQ_ACCESS_KEY),
                r.find(SinkKeys.ROCKETMQ_SECRET_KEY).orElse(""));
    }

    @Override
    public String toString() {
        // never print the secret key
        return "RocketMqSettings[" + namesrvAddr + ", group=" + group + "]";
    }
}
