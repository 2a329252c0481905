package io.cdcrelay;

import java.nio.file.Path;
import java.util.Properties;

import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.it.RealServers.Servers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.Main;

/** The relay as {@code RelayLauncher} runs it, started and stopped inside a test. */
public final class TestRelay implements AutoCloseable {

    private final Main main;

    private TestRelay(Main main) {
        this.main = main;
    }

    /** Settings that point a relay at the test servers, reading one database. */
    public static Properties properties(Servers servers, String database, Path dataDir, long serverId) {
        Properties p = new Properties();
        p.setProperty("relay.source.flavor", "mariadb");
        p.setProperty("relay.source.host", "127.0.0.1");
        p.setProperty("relay.source.port", String.valueOf(servers.mariaDb().port()));
        p.setProperty("relay.source.user", EmbeddedMariaDb.USER);
        p.setProperty("relay.source.password", EmbeddedMariaDb.PASSWORD);
        p.setProperty("relay.source.server-id", String.valueOf(serverId));
        p.setProperty("relay.source.name", database);
        p.setProperty("relay.source.databases", database);
        p.setProperty("relay.kafka.bootstrap-servers", servers.kafka().bootstrapServers());
        p.setProperty("relay.data-dir", dataDir.toString());
        p.setProperty("relay.progress.interval", "2s");
        // many relays run in one test JVM: tests that ask over HTTP pick a free port themselves
        p.setProperty("relay.http.port", "0");
        p.setProperty("camel.main.name", "relay-" + database);
        return p;
    }

    /** Settings of a mirror-only relay (no database) from one Kafka cluster to another, reading from the start. */
    public static Properties mirrorProperties(String source, String destination, String topics, String group,
            Path dataDir) {
        Properties p = new Properties();
        p.setProperty("relay.cdc.enabled", "false");
        p.setProperty("relay.mirror.enabled", "true");
        p.setProperty("relay.mirror.source.bootstrap-servers", source);
        p.setProperty("relay.mirror.destination.bootstrap-servers", destination);
        p.setProperty("relay.mirror.topics", topics);
        p.setProperty("relay.mirror.group-id", group);
        p.setProperty("relay.mirror.start-offset", "earliest");
        p.setProperty("relay.data-dir", dataDir.toString());
        p.setProperty("relay.progress.interval", "2s");
        p.setProperty("relay.http.port", "0");
        p.setProperty("camel.main.name", "mirror-" + group);
        return p;
    }

    public static TestRelay start(Properties properties) {
        Main main = RelayLauncher.newMain(RelaySettings.from(properties), properties);
        main.start();
        return new TestRelay(main);
    }

    /** The meter registry the relay's routes count in. */
    public MeterRegistry meters() {
        return main.getCamelContext().getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
    }

    @Override
    public void close() {
        main.stop();
    }
}
