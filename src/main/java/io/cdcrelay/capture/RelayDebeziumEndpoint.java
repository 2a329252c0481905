package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.cdcrelay.acknowledgement.TcpProbe;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.SourceServer;
import io.cdcrelay.failover.SourceFollower;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.position.OffsetStorage;
import io.cdcrelay.position.RetentionGuard;
import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.RelayHealth;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.debezium.DebeziumEndpoint;
import org.apache.camel.component.debezium.mysql.configuration.MySqlConnectorEmbeddedDebeziumConfiguration;

/** A {@code debezium-mysql} endpoint whose consumer acknowledges batches only after delivery. */
final class RelayDebeziumEndpoint extends DebeziumEndpoint<MySqlConnectorEmbeddedDebeziumConfiguration> {

    /** How long the binlog reader may stay disconnected before the engine is restarted. */
    private static final Duration DISCONNECTED_LIMIT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private MySqlConnectorEmbeddedDebeziumConfiguration configuration;
    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final RelayDebeziumComponent.Capture capture;

    RelayDebeziumEndpoint(String uri, RelayDebeziumComponent component,
            MySqlConnectorEmbeddedDebeziumConfiguration configuration, DeliverySettings delivery, RelayHealth health,
            RelayDebeziumComponent.Capture capture) {
        super(uri, component);
        this.configuration = configuration;
        this.delivery = delivery;
        this.health = health;
        this.capture = capture;
    }

    /** What the relay's engine captures beyond the configuration, and its handles. */
    RelayDebeziumComponent.Capture capture() {
        return capture;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DebeziumMBeans mbeans = capture.mbeans();
        SourceFollower follower = capture.follower();
        BooleanSupplier readServerAnswers = () -> probe(follower.reading().server());
        // a restart waits for any listed server: the one read may be gone for good after a failover
        BooleanSupplier anyServerAnswers = () -> follower.reading().servers().stream().anyMatch(this::probe);
        AcknowledgingDebeziumConsumer consumer = new AcknowledgingDebeziumConsumer(this, processor, delivery, health,
                anyServerAnswers, capture.control(), new ServerWatch(follower, mbeans::streamingConnected),
                new DisconnectWatchdog(mbeans::streamingConnected, readServerAnswers, DISCONNECTED_LIMIT,
                        Clock.systemUTC()),
                new OutageChecks(health, mbeans::streamingConnected, Clock.systemUTC()));
        configureConsumer(consumer);
        return consumer;
    }

    private boolean probe(SourceServer server) {
        return new TcpProbe(server.host(), server.port(), PROBE_TIMEOUT).getAsBoolean();
    }

    /**
     * The engine's properties, made at every engine start. The server read is the follower's choice for the saved
     * position, so a restart after the primary failed continues on a promoted replica (and only one that holds the
     * saved GTIDs). Snapshot mode {@code recovery} (a start at a position
     * seeded for {@code relay.incremental.start-timestamp}) captures the schema at every start, so once the relay
     * saved a position of its own, an engine restarted in the same run uses {@code no_data}. The include lists take
     * in the signal table and the tables added while running, as they are at this start.
     */
    Properties engineProperties() {
        Properties properties = DebeziumSourceConfiguration.engineProperties(configuration);
        OffsetStorage offsets = OffsetStorage.of(properties);
        // the saved position is read only when there is a server to choose
        SourceServer server = capture.follower().choose(() -> new OffsetSeeder(offsets, configuration.getName(),
                configuration.getTopicPrefix()).saved().flatMap(RetentionGuard.Saved::of)
                .map(RetentionGuard.Saved::gtids));
        properties.setProperty("database.hostname", server.host());
        properties.setProperty("database.port", Integer.toString(server.port()));
        List<String> beyond = new ArrayList<>(capture.control().added().all());
        capture.signalTable().ifPresent(beyond::add);
        IncludeLists.widen(properties, beyond);
        // the relay's choice only: a snapshot.mode given through relay.source.debezium.* stays as given
        boolean relaysChoice = configuration.getAdditionalProperties() == null
                || !configuration.getAdditionalProperties().containsKey("snapshot.mode");
        if (relaysChoice && "recovery".equals(configuration.getSnapshotMode()) && !OffsetSeeder.stillSeeded(
                offsets, configuration.getName(), configuration.getTopicPrefix())) {
            properties.setProperty("snapshot.mode", "no_data");
        }
        return properties;
    }

    @Override
    public MySqlConnectorEmbeddedDebeziumConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public void setConfiguration(MySqlConnectorEmbeddedDebeziumConfiguration configuration) {
        this.configuration = configuration;
    }
}
