package io.cdcrelay.config;

import java.util.List;

import io.cdcrelay.config.SettingFamily.Variables;

/** The keys of the destination broker: which one, how to reach it, and where refused messages go. */
public final class SinkKeys {

    public static final Setting<Sink> SINK = Setting.of("relay.sink", Parser.choice(Sink.class), "kafka",
            "kafka or rocketmq");
    public static final Setting<String> KAFKA_BOOTSTRAP = Setting.optional("relay.kafka.bootstrap-servers", Parser.text(),
            "—", "the destination Kafka brokers (required with relay.sink=kafka)");
    public static final Setting<String> DEAD_LETTER_TOPIC = Setting.optional("relay.dead-letter.topic",
            Parser.matching("[A-Za-z0-9._-]{1,249}", "up to 249 letters, digits, '.', '_' and '-' (a Kafka topic name)"),
            "off", "Kafka only: where a message Kafka refuses for itself (too large, invalid) is parked");
    public static final Setting<String> ROCKETMQ_NAMESRV = Setting.optional("relay.rocketmq.namesrv-addr", Parser.text(),
            "—", "the destination RocketMQ name servers (required with relay.sink=rocketmq)");
    public static final Setting<String> ROCKETMQ_GROUP = Setting.of("relay.rocketmq.producer.group", Parser.text(),
            "cdc-relay", "the RocketMQ producer group");
    public static final Setting<Integer> ROCKETMQ_SEND_TIMEOUT = Setting.of("relay.rocketmq.producer.send-timeout",
            Parser.integer(1, Integer.MAX_VALUE), "10000", "RocketMQ send timeout, ms");
    public static final Setting<Integer> ROCKETMQ_MAX_MESSAGE_SIZE = Setting.of("relay.rocketmq.producer.max-message-size",
            Parser.integer(1, Integer.MAX_VALUE), "4194304", "largest RocketMQ message body, bytes");
    public static final Setting<Integer> ROCKETMQ_RETRY_TIMES = Setting.of("relay.rocketmq.producer.retry-times",
            Parser.integer(0, 100), "2", "RocketMQ client's own retries of a failed asynchronous send");
    public static final Setting<String> ROCKETMQ_ACCESS_KEY = Setting.optional("relay.rocketmq.producer.access-key",
            Parser.text(), "—", "RocketMQ ACL access key; no ACL when unset");
    public static final Setting<String> ROCKETMQ_SECRET_KEY = Setting.optional("relay.rocketmq.producer.secret-key",
            Parser.text(), "—", "RocketMQ ACL secret key");

    public static final SettingFamily KAFKA_PRODUCER = new SettingFamily("relay.kafka.producer.", "*", Variables.DOTTED,
            "—", "any Kafka producer setting, passed through (security settings also reach the admin client)");

    public static final List<Setting<?>> ALL = List.of(SINK, KAFKA_BOOTSTRAP, DEAD_LETTER_TOPIC, ROCKETMQ_NAMESRV,
            ROCKETMQ_GROUP, ROCKETMQ_SEND_TIMEOUT, ROCKETMQ_MAX_MESSAGE_SIZE, ROCKETMQ_RETRY_TIMES, ROCKETMQ_ACCESS_KEY,
            ROCKETMQ_SECRET_KEY);
    public static final List<SettingFamily> FAMILIES = List.of(KAFKA_PRODUCER);

    private SinkKeys() {
    }
}
