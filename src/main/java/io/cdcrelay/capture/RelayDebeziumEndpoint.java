package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import io.cdcrelay.config.DeliverySettings;
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

    private MySqlConnectorEmbeddedDebeziumConfiguration configuration;
    private final DeliverySettings delivery;
    private final RelayHealth health;

    RelayDebeziumEndpoint(String uri, RelayDebeziumComponent component,
            MySqlConnectorEmbeddedDebeziumConfiguration configuration, DeliverySettings delivery, RelayHealth health) {
        super(uri, component);
        this.configuration = configuration;
        this.delivery = delivery;
        this.health = health;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AcknowledgingDebeziumConsumer consumer = new AcknowledgingDebeziumConsumer(this, processor, delivery, health,
                new DisconnectWatchdog(new DebeziumMBeans(configuration.getName())::streamingConnected,
                        DISCONNECTED_LIMIT, Clock.systemUTC()));
        configureConsumer(consumer);
        return consumer;
    }

    Properties engineProperties() {
        return configuration.createDebeziumConfiguration().asProperties();
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
