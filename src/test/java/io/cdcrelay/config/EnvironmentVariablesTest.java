package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    @Test
    void aVariableSetsTheKnownKeyWhoseUpperCasedNameWithUnderscoresItIs() {
        Properties settings = settings(Map.of(
                "RELAY_SOURCE_SERVER_ID", "5401",
                "RELAY_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "RELAY_TRANSACTION_CHUNK_SIZE", "500",
                "RELAY_TRANSACTION_SEQUENCE", "true",
                "RELAY_FORMAT_DEBEZIUM_SCHEMAS", "true"));

        assertThat(settings).containsOnly(
                Map.entry("relay.source.server-id", "5401"),
                Map.entry("relay.kafka.bootstrap-servers", "kafka:9092"),
                Map.entry("relay.transaction.chunk-size", "500"),
                Map.entry("relay.transaction-sequence", "true"),
                Map.entry("relay.format.debezium.schemas", "true"));
    }

    @Test
    void everyExactKeyIsReachedFromItsOwnVariable() {
        for (String key : SettingCatalog.settings().stream().map(Setting::key).toList()) {
            assertThat(EnvironmentVariables.keyOf(EnvironmentVariables.variableOf(key))).isEqualTo(key);
        }
    }

    @Test
    void underAPassThroughPrefixUnderscoresBecomeDotsInLowerCase() {
        Properties settings = settings(Map.of(
                "RELAY_KAFKA_PRODUCER_LINGER_MS", "5",
                "RELAY_SOURCE_DEBEZIUM_MAX_BATCH_SIZE", "4096",
                "RELAY_MIRROR_SOURCE_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                "RELAY_MIRROR_DESTINATION_PROPERTIES_COMPRESSION_TYPE", "lz4",
                "RELAY_STATE_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN"));

        assertThat(settings).containsOnly(
                Map.entry("relay.kafka.producer.linger.ms", "5"),
                Map.entry("relay.source.debezium.max.batch.size", "4096"),
                Map.entry("relay.mirror.source.properties.security.protocol", "SASL_SSL"),
                Map.entry("relay.mirror.destination.properties.compression.type", "lz4"),
                Map.entry("relay.state.kafka.properties.sasl.mechanism", "PLAIN"));
    }

    @Test
    void rocketMqProducerSettingsKeepTheirHyphens() {
        assertThat(settings(Map.of("RELAY_ROCKETMQ_PRODUCER_SEND_TIMEOUT", "3000", "RELAY_ROCKETMQ_PRODUCER_GROUP", "g")))
                .containsOnly(Map.entry("relay.rocketmq.producer.send-timeout", "3000"),
                        Map.entry("relay.rocketmq.producer.group", "g"));
    }

    @Test
    void theDemosSettingsKeepTheirHyphens() {
        assertThat(EnvironmentVariables.keyOf("RELAY_DEMO_TRANSACTIONS_PER_SECOND"))
                .isEqualTo("relay.demo.transactions-per-second");
    }

    @Test
    void variablesOfTableKeyedFamiliesAreRefusedWithThePropertiesFileAsTheFix() {
        assertThatThrownBy(() -> settings(Map.of("RELAY_TOPIC_MAP_SHOP_ORDER_ITEMS", "items")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("RELAY_TOPIC_MAP_SHOP_ORDER_ITEMS cannot be read as a relay.topic.map.<db>.<table> setting, because "
                        + "database, table and topic names may contain '_': set the key in application.properties "
                        + "(or the --properties=FILE) instead.");
        for (String variable : new String[] {"RELAY_SHARDING_COLUMNS_SHOP_ORDERS", "RELAY_COLUMNS_SHOP_ORDERS",
                "RELAY_FORMAT_TOPIC_TOPIC_SHOP_ORDERS"}) {
            assertThatThrownBy(() -> EnvironmentVariables.keyOf(variable)).isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith(variable + " cannot be read as a relay.")
                    .hasMessageContaining("set the key in application.properties");
        }
    }

    @Test
    void anUnknownRelayVariableIsRefusedByNameWithTheSpellingRule() {
        assertThatThrownBy(() -> settings(Map.of("RELAY_SOURCE_HOTS", "db")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("RELAY_SOURCE_HOTS is not a cdc-relay setting: name a key of application.properties "
                        + "upper-cased with '.' and '-' as '_' (RELAY_SOURCE_SERVER_ID for relay.source.server-id), "
                        + "or unset the variable.");
    }

    @Test
    void aPrefixAloneOrAnUnknownRocketMqProducerSettingIsUnknown() {
        for (String variable : new String[] {"RELAY_KAFKA_PRODUCER_", "RELAY_KAFKA_PRODUCER",
                "RELAY_ROCKETMQ_PRODUCER_LINGER_MS", "RELAY_"}) {
            assertThatThrownBy(() -> EnvironmentVariables.keyOf(variable)).isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith(variable + " is not a cdc-relay setting");
        }
    }

    @Test
    void camelAndOtherVariablesAreLeftAlone() {
        assertThat(settings(Map.of("CAMEL_MAIN_NAME", "x", "PATH", "/bin", "relay_source_host", "db", "RELAY", "1")))
                .isEmpty();
    }

    @Test
    void everyKeyFamilyHasAnEnvironmentRule() {
        for (String prefix : SettingCatalog.families().stream().map(SettingFamily::prefix).toList()) {
            String variable = EnvironmentVariables.variableOf(prefix) + "GROUP";
            try {
                assertThat(EnvironmentVariables.keyOf(variable)).as(variable).startsWith(prefix);
            } catch (SettingsException refused) {
                assertThat(refused.getMessage()).as(variable).contains("set the key in application.properties");
            }
        }
    }

    @Test
    void theValueIsTakenAsItIs() {
        assertThat(settings(Map.of("RELAY_SOURCE_PASSWORD", " s3cret=;# "))).containsEntry("relay.source.password", " s3cret=;# ");
    }

    private static Properties settings(Map<String, String> environment) {
        return new EnvironmentVariables(environment).settings();
    }
}
