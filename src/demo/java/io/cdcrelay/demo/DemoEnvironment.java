package io.cdcrelay.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.cdcrelay.config.EmbeddedEnvironment;
import io.cdcrelay.config.MirrorKeys;
import io.cdcrelay.config.PropertyReader;
import io.cdcrelay.config.RuntimeKeys;
import io.cdcrelay.config.Sink;
import io.cdcrelay.config.SinkKeys;

/**
 * {@code relay.embedded=true}: a fresh MariaDB with the demo workload and a Kafka broker (or, with
 * {@code relay.sink=rocketmq}, a RocketMQ name server and broker) under
 * {@code <relay.data-dir>/embedded}, wiped at every start so each demo run begins the same way. With
 * {@code relay.mirror.enabled=true}, a second Kafka broker receives a mirror of the demo's topics.
 */
public final class DemoEnvironment implements EmbeddedEnvironment {

    private EmbeddedMariaDb mariaDb;
    private EmbeddedKafka kafka;
    private EmbeddedKafka backup;
    private EmbeddedRocketMq rocketmq;
    private DemoWorkload workload;
    private int httpPort;

    @Override
    public Properties start(Properties settings) throws Exception {
        PropertyReader r = new PropertyReader(settings);
        Path dir = Path.of(r.get(RuntimeKeys.DATA_DIR)).resolve("embedded").toAbsolutePath();
        Directories.deleteRecursively(dir);
        Files.createDirectories(dir);

        mariaDb = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
        boolean toRocketMq = r.get(SinkKeys.SINK) == Sink.ROCKETMQ;
        if (toRocketMq) {
            rocketmq = EmbeddedRocketMq.start(dir.resolve("rocketmq"));
        } else {
            kafka = EmbeddedKafka.start(dir.resolve("kafka"),
                    FreePort.preferring(r.integer("relay.demo.kafka-port", 9092, 1, 65535)));
        }
        workload = new DemoWorkload(mariaDb, r.integer("relay.demo.transactions-per-second", 100, 1, 100_000));
        workload.createSchema();
        workload.start();

        Properties pointing = new Properties();
        pointing.setProperty("relay.source.flavor", "mariadb");
        pointing.setProperty("relay.source.host", "127.0.0.1");
        pointing.setProperty("relay.source.port", String.valueOf(mariaDb.port()));
        pointing.setProperty("relay.source.user", EmbeddedMariaDb.USER);
        pointing.setProperty("relay.source.password", EmbeddedMariaDb.PASSWORD);
        pointing.setProperty("relay.source.databases", "shop");
        if (toRocketMq) {
            pointing.setProperty("relay.rocketmq.namesrv-addr", rocketmq.namesrvAddr());
        } else {
            pointing.setProperty("relay.kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        pointing.setProperty("relay.data-dir", dir.resolve("relay").toString());
        httpPort = r.get(RuntimeKeys.HTTP_PORT);
        if (httpPort > 0) {
            // a demo must start even where 8080 is taken
            httpPort = FreePort.preferring(httpPort);
            pointing.setProperty("relay.http.port", String.valueOf(httpPort));
        }
        if (kafka != null && r.get(MirrorKeys.ENABLED)) {
            backup = EmbeddedKafka.start(dir.resolve("kafka-backup"), FreePort.pick());
            pointing.setProperty("relay.mirror.source.bootstrap-servers", kafka.bootstrapServers());
            pointing.setProperty("relay.mirror.destination.bootstrap-servers", backup.bootstrapServers());
            pointing.setProperty("relay.mirror.topics", "Topic_shop_.*");
            pointing.setProperty("relay.mirror.start-offset", "earliest");
            // the demo's topics appear after the mirror subscribed: find them within seconds, not 5 minutes
            pointing.setProperty("relay.mirror.source.properties.metadata.max.age.ms", "5000");
        }
        return pointing;
    }

    @Override
    public String howToWatch() {
        String database = (httpPort > 0 ? "Status: http://127.0.0.1:" + httpPort + "/status (also /health, /metrics). "
                : "") + "Demo running: MariaDB on 127.0.0.1:" + mariaDb.port() + " (database shop, user "
                + EmbeddedMariaDb.USER + "), ";
        if (rocketmq != null) {
            return database + "RocketMQ name server on " + rocketmq.namesrvAddr() + ". Watch the messages with:"
                    + System.lineSeparator() + "    java -cp target/cdc-relay.jar io.cdcrelay.ops.RocketMqTail "
                    + rocketmq.namesrvAddr() + " Topic_shop_orders";
        }
        String watch = database + "Kafka on " + kafka.bootstrapServers() + ". Watch the messages with:"
                + System.lineSeparator() + "    java -cp target/cdc-relay.jar io.cdcrelay.ops.TopicTail "
                + kafka.bootstrapServers() + " Topic_shop_orders";
        if (backup != null) {
            watch += System.lineSeparator() + "Mirrored into the Kafka on " + backup.bootstrapServers() + ":"
                    + System.lineSeparator() + "    java -cp target/cdc-relay.jar io.cdcrelay.ops.TopicTail "
                    + backup.bootstrapServers() + " Topic_shop_orders";
        }
        return watch;
    }

    @Override
    public void close() {
        if (workload != null) {
            workload.close();
        }
        if (backup != null) {
            backup.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (rocketmq != null) {
            rocketmq.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }
}
