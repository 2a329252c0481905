package io.cdcrelay.config;

import java.util.Map;
import java.util.Set;

/**
 * The destination RocketMQ cluster.
 *
 * @param producer {@code relay.rocketmq.producer.*}: {@code group}, {@code send-timeout} (ms),
 *                 {@code max-message-size} (bytes), {@code retry-times}, {@code access-key}, {@code secret-key}
 */
public record RocketMqSettings(String namesrvAddr, Map<String, String> producer) {

    static final Set<String> PRODUCER_KEYS = Set.of("group", "send-timeout", "max-message-size", "retry-times",
            "access-key", "secret-key");

    static RocketMqSettings from(PropertyReader r) {
        Map<String, String> producer = r.withPrefix("relay.rocketmq.producer.");
        producer.keySet().stream().filter(k -> !PRODUCER_KEYS.contains(k)).findFirst().ifPresent(k -> {
            throw new SettingsException("relay.rocketmq.producer." + k + " is not a RocketMQ producer setting of the "
                    + "relay: use one of group, send-timeout, max-message-size, retry-times, access-key, secret-key.");
        });
        return new RocketMqSettings(r.required("relay.rocketmq.namesrv-addr",
                "name the RocketMQ name servers, for example relay.rocketmq.namesrv-addr=host:9876"), Map.copyOf(producer));
    }

    public String group() {
        return producer.getOrDefault("group", "cdc-relay");
    }

    @Override
    public String toString() {
        return "RocketMqSettings[" + namesrvAddr + ", group=" + group() + "]";
    }
}
