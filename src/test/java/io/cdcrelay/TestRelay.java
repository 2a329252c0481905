package io.cdcrelay;

import java.nio.file.Path;
import java.util.Properties;

import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.it.RealServers.Servers;
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
        p.setProperty("camel.main.name", "relay-" + database);
        return p;
    }

    public static TestRelay start(Properties properties) {
        Main main = RelayLauncher.newMain(RelaySettings.from(properties), properties);
        main.start();
        return new TestRelay(main);
    }

    @Override
    public void close() {
        main.stop();
    }
}
