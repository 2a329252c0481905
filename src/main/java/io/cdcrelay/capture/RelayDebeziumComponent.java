package io.cdcrelay.capture;

import java.util.Map;
import java.util.Optional;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.failover.SourceFollower;
import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.RelayHealth;
import org.apache.camel.component.debezium.DebeziumComponent;
import org.apache.camel.component.debezium.DebeziumEndpoint;
import org.apache.camel.component.debezium.configuration.ConfigurationValidation;
import org.apache.camel.component.debezium.mysql.configuration.MySqlConnectorEmbeddedDebeziumConfiguration;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Camel's {@code debezium-mysql} component with delivery acknowledgement; the relay binds it under that
 * name so routes keep the standard URI and options. Each exchange's body is the {@code Released} record: Debezium's
 * {@code SourceRecord} with its transaction's size and whether it is the last change.
 *
 * <p>Why not the stock component: its consumer hands records over one at a time and the engine saves
 * the position of everything handed over, so an asynchronous send would let the position run ahead of
 * what the broker acknowledged, and a synchronous one tops out at a few thousand changes per second. It
 * also only logs an engine failure. Its classes are final, hence this small sibling.
 */
public final class RelayDebeziumComponent extends DebeziumComponent<MySqlConnectorEmbeddedDebeziumConfiguration> {

    private MySqlConnectorEmbeddedDebeziumConfiguration configuration;
    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final Capture capture;

    /**
     * The selection beyond the configured include lists, and the operator's handle on the running engine.
     *
     * @param signalTable the signal table of re-snapshots, which Debezium must read, empty without one
     * @param follower    which server of {@code relay.source.host} each engine start reads
     * @param mbeans      the connector's own MBeans, read by the watchdogs and the ops endpoints alike
     */
    public record Capture(Optional<String> signalTable, CaptureControl control, SourceFollower follower,
            DebeziumMBeans mbeans) {
    }

    /** @param health told when the engine runs, fails (and restarts) or finishes */
    public RelayDebeziumComponent(MySqlConnectorEmbeddedDebeziumConfiguration configuration, DeliverySettings delivery,
            RelayHealth health, Capture capture) {
        this.configuration = configuration;
        this.delivery = delivery;
        this.health = health;
        this.capture = capture;
    }

    @Override
    protected DebeziumEndpoint<MySqlConnectorEmbeddedDebeziumConfiguration> createEndpoint(String uri, String remaining,
            Map<String, Object> parameters) throws Exception {
        MySqlConnectorEmbeddedDebeziumConfiguration copy =
                (MySqlConnectorEmbeddedDebeziumConfiguration) configuration.copy();
        // URI options bind onto the Debezium configuration by name, as the stock component's do
        PropertyBindingSupport.build().withCamelContext(getCamelContext()).withTarget(copy)
                .withProperties(parameters).withRemoveParameters(true).bind();
        ConfigurationValidation validation = copy.validateConfiguration();
        if (!validation.isValid()) {
            throw new IllegalArgumentException(validation.getReason());
        }
        return initializeDebeziumEndpoint(uri, copy);
    }

    @Override
    protected DebeziumEndpoint<MySqlConnectorEmbeddedDebeziumConfiguration> initializeDebeziumEndpoint(String uri,
            MySqlConnectorEmbeddedDebeziumConfiguration configuration) {
        return new RelayDebeziumEndpoint(uri, this, configuration, delivery, health, capture);
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
