package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import io.cdcrelay.config.StateSettings.KafkaState;
import org.junit.jupiter.api.Test;

class StateSettingsTest {

    @Test
    void byDefaultTheStateStaysInFiles() {
        StateSettings state = RelaySettings.from(RelaySettingsTest.minimal()).state();

        assertThat(state.store()).isEqualTo(StateSettings.Store.FILE);
        assertThat(state.kafka()).isNull();
    }

    @Test
    void kafkaStateLivesOnTheSinksClusterInTopicsNamedAfterTheSource() {
        Properties p = kafkaState();
        p.setProperty("relay.source.name", "shop");
        p.setProperty("relay.topic.replication-factor", "3");

        KafkaState kafka = RelaySettings.from(p).state().kafka();

        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(kafka.sharesSinkCluster()).isTrue();
        assertThat(kafka.offsetsTopic()).isEqualTo("shop.offsets");
        assertThat(kafka.schemaHistoryTopic()).isEqualTo("shop.schema-history");
        assertThat(kafka.replicationFactor()).isEqualTo((short) 3);
        assertThat(kafka.clientProperties()).isEmpty();
    }

    @Test
    void everyDefaultOfTheKafkaStateHasAKeyOfItsOwn() {
        Properties p = kafkaState();
        p.setProperty("relay.state.kafka.bootstrap-servers", "state-1:9092,state-2:9092");
        p.setProperty("relay.state.kafka.offsets-topic", "relay-positions");
        p.setProperty("relay.state.kafka.schema-history-topic", "relay-ddl");
        p.setProperty("relay.state.kafka.replication-factor", "2");
        p.setProperty("relay.state.kafka.properties.security.protocol", "SSL");

        KafkaState kafka = RelaySettings.from(p).state().kafka();

        assertThat(kafka.bootstrapServers()).isEqualTo("state-1:9092,state-2:9092");
        assertThat(kafka.bootstrapKey()).isEqualTo("relay.state.kafka.bootstrap-servers");
        assertThat(kafka.sharesSinkCluster()).isFalse();
        assertThat(kafka.offsetsTopic()).isEqualTo("relay-positions");
        assertThat(kafka.schemaHistoryTopic()).isEqualTo("relay-ddl");
        assertThat(kafka.replicationFactor()).isEqualTo((short) 2);
        assertThat(kafka.clientProperties()).containsExactly(Map.entry("security.protocol", "SSL"));
    }

    @Test
    void onTheSinksClusterTheStateClientsUseTheSinksSecuritySettingsOnly() {
        Properties p = kafkaState();
        p.setProperty("relay.kafka.producer.security.protocol", "SASL_SSL");
        p.setProperty("relay.kafka.producer.sasl.mechanism", "PLAIN");
        p.setProperty("relay.kafka.producer.ssl.truststore.location", "/etc/kafka/trust.jks");
        p.setProperty("relay.kafka.producer.linger.ms", "20");
        p.setProperty("relay.state.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");

        assertThat(RelaySettings.from(p).state().kafka().clientProperties()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("ssl.truststore.location", "/etc/kafka/trust.jks"));
    }

    @Test
    void withARocketMqSinkTheKafkaStateNeedsItsOwnBrokers() {
        Properties p = rocketMqSink();
        p.setProperty("relay.state.store", "kafka");

        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class).hasMessage(
                "relay.state.store=kafka with relay.sink=rocketmq needs relay.state.kafka.bootstrap-servers: name the "
                        + "Kafka brokers that keep the offsets and schema history, for example "
                        + "relay.state.kafka.bootstrap-servers=host:9092, or set relay.state.store=file.");

        p.setProperty("relay.state.kafka.bootstrap-servers", "state:9092");
        KafkaState kafka = RelaySettings.from(p).state().kafka();
        assertThat(kafka.bootstrapServers()).isEqualTo("state:9092");
        assertThat(kafka.sharesSinkCluster()).isFalse();
    }

    @Test
    void aKafkaStateKeyWithTheFileStoreIsRefusedByName() {
        for (String key : new String[] {"relay.state.kafka.bootstrap-servers", "relay.state.kafka.offsets-topic",
                "relay.state.kafka.schema-history-topic", "relay.state.kafka.replication-factor",
                "relay.state.kafka.properties.security.protocol"}) {
            Properties p = RelaySettingsTest.minimal();
            p.setProperty(key, "1");
            assertThatThrownBy(() -> RelaySettings.from(p)).as(key).isInstanceOf(SettingsException.class)
                    .hasMessage(key + " applies to relay.state.store=kafka only: set relay.state.store=kafka, or "
                            + "remove it.");
        }
    }

    @Test
    void wrongStateValuesNameTheKeyAndTheFix() {
        assertRefused("relay.state.store", "zookeeper", "relay.state.store=zookeeper is not valid: use one of file, kafka.");
        assertRefused("relay.state.kafka.offsets-topic", "my offsets", "relay.state.kafka.offsets-topic=my offsets is "
                + "not valid: use up to 249 letters, digits, '.', '_' and '-' (a Kafka topic name).");
        assertRefused("relay.state.kafka.replication-factor", "0", "relay.state.kafka.replication-factor=0 is not "
                + "valid: use a whole number from 1 to 32767.");
        Properties same = kafkaState();
        same.setProperty("relay.state.kafka.schema-history-topic", "relay.offsets");
        assertThatThrownBy(() -> RelaySettings.from(same)).hasMessage("relay.state.kafka.offsets-topic and "
                + "relay.state.kafka.schema-history-topic both name relay.offsets: give them different topics, since "
                + "offsets are compacted and the schema history must not be.");
    }

    @Test
    void aMirrorOnlyRelayHasNoBinlogStateToKeep() {
        Properties p = new Properties();
        p.setProperty("relay.cdc.enabled", "false");
        p.setProperty("relay.mirror.enabled", "true");
        p.setProperty("relay.mirror.source.bootstrap-servers", "a:9092");
        p.setProperty("relay.mirror.destination.bootstrap-servers", "b:9092");
        p.setProperty("relay.mirror.topics", "t");
        p.setProperty("relay.state.store", "kafka");

        assertThat(RelaySettings.from(p).state().kafka()).isNull();
    }

    private static void assertRefused(String key, String value, String sentence) {
        Properties p = kafkaState();
        p.setProperty(key, value);
        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class).hasMessage(sentence);
    }

    private static Properties kafkaState() {
        Properties p = RelaySettingsTest.minimal();
        p.setProperty("relay.state.store", "kafka");
        return p;
    }

    private static Properties rocketMqSink() {
        Properties p = new Properties();
        p.setProperty("relay.source.user", "relay");
        p.setProperty("relay.sink", "rocketmq");
        p.setProperty("relay.rocketmq.namesrv-addr", "ns:9876");
        return p;
    }
}
