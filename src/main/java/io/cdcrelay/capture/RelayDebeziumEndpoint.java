package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.delivery.TcpProbe;
import io.cdcrelay.ops.DebeziumMBeans;
import io.cdcrelay.ops.RelayHealth;
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

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DebeziumMBeans mbeans = new DebeziumMBeans(configuration.getName());
        TcpProbe source = new TcpProbe(configuration.getDatabaseHostname(), configuration.getDatabasePort(),
                PROBE_TIMEOUT);
        AcknowledgingDebeziumConsumer consumer = new AcknowledgingDebeziumConsumer(this, processor, delivery, health,
                source, capture.control(),
                new DisconnectWatchdog(mbeans::streamingConnected, source, DISCONNECTED_LIMIT, Clock.systemUTC()),
                new OutageChecks(health, mbeans::streamingConnected, Clock.systemUTC()));
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The engine's properties, made at every engine start. Snapshot mode {@code recovery} (a start at a position
     * seeded for {@code relay.incremental.start-timestamp}) captures the schema at every start, so once the relay
     * saved a position of its own, an engine restarted in the same run uses {@code no_data}. The include lists take
     * in the signal table and the tables added while running, as they are at this start.
     */
    Properties engineProperties() {
        Properties properties = DebeziumSourceConfiguration.engineProperties(configuration);
        List<String> beyond = new ArrayList<>(capture.control().added().all());
        capture.signalTable().ifPresent(beyond::add);
        IncludeLists.widen(properties, beyond);
        // the relay's choice only: a snapshot.mode given through relay.source.debezium.* stays as given
        boolean relaysChoice = configuration.getAdditionalProperties() == null
                || !configuration.getAdditionalProperties().containsKey("snapshot.mode");
        if (relaysChoice && "recovery".equals(configuration.getSnapshotMode()) && !OffsetSeeder.stillSeeded(
                OffsetStorage.of(properties), configuration.getName(), configuration.getTopicPrefix())) {
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
