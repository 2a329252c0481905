package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.cdcrelay.config.RelaySettings.SyncType;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.position.AtomicOffsetFileStore;
import io.cdcrelay.position.OffsetStorage;
import io.cdcrelay.position.PositionTopicOffsetStore;
import org.junit.jupiter.api.Test;

class DebeziumSourceConfigurationTest {

    @Test
    void theSnapshotModeFollowsTheSyncTypes() {
        assertThat(DebeziumSourceConfiguration.snapshotMode(EnumSet.of(SyncType.FULL, SyncType.INCREMENTAL), false))
                .isEqualTo("initial");
        assertThat(DebeziumSourceConfiguration.snapshotMode(EnumSet.of(SyncType.SCHEMA, SyncType.FULL), false))
                .isEqualTo("initial_only");
        assertThat(DebeziumSourceConfiguration.snapshotMode(EnumSet.of(SyncType.SCHEMA, SyncType.INCREMENTAL), false))
                .isEqualTo("no_data");
        assertThat(DebeziumSourceConfiguration.snapshotMode(EnumSet.of(SyncType.INCREMENTAL), false))
                .isEqualTo("no_data");
    }

    @Test
    void aSeededPositionNotMovedFromYetCapturesTheSchemaAndKeepsThePosition() {
        assertThat(DebeziumSourceConfiguration.snapshotMode(EnumSet.of(SyncType.SCHEMA, SyncType.INCREMENTAL), true))
                .isEqualTo("recovery");
    }

    @Test
    void debeziumAddsNoContextHeadersTheRelayWouldNotRead() {
        assertThat(engineProperties().getProperty("extended.headers.enabled")).isEqualTo("false");
        assertThat(engineProperties("relay.source.debezium.extended.headers.enabled", "true")
                .getProperty("extended.headers.enabled")).isEqualTo("true");
    }

    @Test
    void everyPassedThroughDebeziumPropertyWinsOverCamelsOwnValue() {
        Properties engine = engineProperties("relay.source.debezium.max.batch.size", "4096",
                "relay.source.debezium.poll.interval.ms", "50");

        assertThat(engine.getProperty("max.batch.size")).isEqualTo("4096");
        assertThat(engine.getProperty("poll.interval.ms")).isEqualTo("50");
    }

    @Test
    void withoutAnOverrideDebeziumHandsABatchOverAfterTenMilliseconds() {
        Properties engine = engineProperties();

        assertThat(engine.getProperty("poll.interval.ms")).isEqualTo("10");
    }

    @Test
    void theSnapshotReadsOneTableAtATimeUnlessMoreThreadsAreAskedFor() {
        assertThat(engineProperties().getProperty("snapshot.max.threads")).isEqualTo("1");
        assertThat(engineProperties("relay.snapshot.max-threads", "4").getProperty("snapshot.max.threads"))
                .isEqualTo("4");
    }

    @Test
    void withoutAnOverrideTheBinlogClientLooksForALostConnectionEveryFiveSeconds() {
        assertThat(engineProperties().getProperty("connect.keep.alive.interval.ms")).isEqualTo("5000");
        assertThat(engineProperties("relay.source.debezium.connect.keep.alive.interval.ms", "60000")
                .getProperty("connect.keep.alive.interval.ms")).isEqualTo("60000");
    }

    @Test
    void byDefaultOffsetsAndSchemaHistoryAreFilesNamedAfterTheSourceInTheDataDir() {
        Properties engine = engineProperties("relay.source.name", "shop");
        Path data = Path.of("data").toAbsolutePath();

        assertThat(engine.getProperty("offset.storage")).isEqualTo(AtomicOffsetFileStore.class.getName());
        assertThat(engine.getProperty("offset.storage.file.filename")).isEqualTo(data.resolve("offsets-shop.dat").toString());
        assertThat(engine.getProperty("schema.history.internal"))
                .isEqualTo(RepairingFileSchemaHistory.class.getName());
        assertThat(engine.getProperty("schema.history.internal.file.filename"))
                .isEqualTo(data.resolve("schema-history-shop.dat").toString());
        assertThat(engine).doesNotContainKeys("offset.storage.topic", "bootstrap.servers",
                "schema.history.internal.kafka.topic", "schema.history.internal.kafka.bootstrap.servers");
    }

    @Test
    void kafkaStateKeepsOffsetsAndSchemaHistoryInTopicsNamedAfterTheSourceOnTheSinksCluster() {
        Properties engine = engineProperties("relay.state.store", "kafka", "relay.source.name", "shop");

        assertThat(engine.getProperty("offset.storage")).isEqualTo("org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        assertThat(engine.getProperty("offset.storage.topic")).isEqualTo("shop.offsets");
        assertThat(engine.getProperty("offset.storage.partitions")).isEqualTo("1");
        assertThat(engine.getProperty("offset.storage.replication.factor")).isEqualTo("1");
        assertThat(engine.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
        assertThat(engine.getProperty("schema.history.internal"))
                .isEqualTo("io.debezium.storage.kafka.history.KafkaSchemaHistory");
        assertThat(engine.getProperty("schema.history.internal.kafka.topic")).isEqualTo("shop.schema-history");
        assertThat(engine.getProperty("schema.history.internal.kafka.bootstrap.servers")).isEqualTo("127.0.0.1:9092");
        assertThat(engine).doesNotContainKeys("offset.storage.file.filename", "schema.history.internal.file.filename");
        // the engine's name and topic prefix make the offset's key: the same source name finds the same position
        assertThat(engine.getProperty("name")).isEqualTo("shop");
        assertThat(engine.getProperty("topic.prefix")).isEqualTo("shop");
    }

    @Test
    void theStateKeysChooseTheClusterTopicsAndReplicationFactor() {
        Properties engine = engineProperties("relay.state.store", "kafka",
                "relay.state.kafka.bootstrap-servers", "state:9093",
                "relay.state.kafka.offsets-topic", "positions",
                "relay.state.kafka.schema-history-topic", "ddl",
                "relay.state.kafka.replication-factor", "3");

        assertThat(engine.getProperty("bootstrap.servers")).isEqualTo("state:9093");
        assertThat(engine.getProperty("offset.storage.topic")).isEqualTo("positions");
        assertThat(engine.getProperty("offset.storage.replication.factor")).isEqualTo("3");
        assertThat(engine.getProperty("schema.history.internal.kafka.topic")).isEqualTo("ddl");
        assertThat(engine.getProperty("schema.history.internal.kafka.bootstrap.servers")).isEqualTo("state:9093");
    }

    @Test
    void theStateClientSettingsReachTheOffsetStoreAndTheHistorysProducerAndConsumer() {
        Properties engine = engineProperties("relay.state.store", "kafka",
                "relay.kafka.producer.security.protocol", "SASL_SSL",
                "relay.kafka.producer.linger.ms", "20");

        assertThat(engine.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(engine.getProperty("schema.history.internal.producer.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(engine.getProperty("schema.history.internal.consumer.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(engine).doesNotContainKeys("linger.ms", "schema.history.internal.producer.linger.ms");
    }

    @Test
    void aPassedThroughDebeziumPropertyWinsOverTheStateMapping() {
        Properties engine = engineProperties("relay.state.store", "kafka",
                "relay.source.debezium.schema.history.internal.kafka.recovery.attempts", "300");

        assertThat(engine.getProperty("schema.history.internal.kafka.recovery.attempts")).isEqualTo("300");
    }

    @Test
    void theSeederUsesTheStoreTheEngineUses() {
        assertThat(offsetStorage("relay.source.name", "shop").toString())
                .isEqualTo(Path.of("data").toAbsolutePath().resolve("offsets-shop.dat").toString());
        assertThat(offsetStorage("relay.state.store", "kafka", "relay.source.name", "shop").toString())
                .isEqualTo("topic shop.offsets at 127.0.0.1:9092");
        assertThat(offsetStorage("relay.state.store", "kafka", "relay.source.debezium.offset.storage.topic", "other")
                .toString()).isEqualTo("topic other at 127.0.0.1:9092");
    }

    @Test
    void exactlyOnceReadsThePositionsTopicInFrontOfTheStoreOfTheState() {
        for (String store : new String[] {"file", "kafka"}) {
            RelaySettings settings = settings("relay.state.store", store, "relay.delivery.guarantee", "exactly-once");
            var configuration = DebeziumSourceConfiguration.of(settings.capture().orElseThrow().source(),
                    Path.of("data"), settings.state(), settings.syncTypes(), false, settings.delivery(), Optional.empty());
            DebeziumSourceConfiguration.readPositionsFrom(configuration, "relay.positions",
                    Map.of("bootstrap.servers", "127.0.0.1:9092"));
            Properties engine = DebeziumSourceConfiguration.engineProperties(configuration);

            assertThat(engine.getProperty("offset.storage")).isEqualTo(PositionTopicOffsetStore.class.getName());
            assertThat(engine.getProperty(PositionTopicOffsetStore.OWN_STORE)).isEqualTo(store.equals("file")
                    ? AtomicOffsetFileStore.class.getName()
                    : "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
            assertThat(engine.getProperty(PositionTopicOffsetStore.TOPIC)).isEqualTo("relay.positions");
            assertThat(engine.getProperty(PositionTopicOffsetStore.CLIENT + "bootstrap.servers"))
                    .isEqualTo("127.0.0.1:9092");
        }
    }

    /** The engine's properties for a minimal relay with these {@code relay.*} keys and values added. */
    private static Properties engineProperties(String... keysAndValues) {
        RelaySettings settings = settings(keysAndValues);
        return DebeziumSourceConfiguration.engineProperties(DebeziumSourceConfiguration.of(
                settings.capture().orElseThrow().source(), Path.of("data"), settings.state(), settings.syncTypes(),
                false, settings.delivery(), Optional.empty()));
    }

    private static OffsetStorage offsetStorage(String... keysAndValues) {
        RelaySettings settings = settings(keysAndValues);
        return DebeziumSourceConfiguration.offsetStorage(settings.capture().orElseThrow().source(), Path.of("data"),
                settings.state(), settings.delivery());
    }

    private static RelaySettings settings(String... keysAndValues) {
        Properties p = new Properties();
        p.setProperty("relay.source.user", "relay");
        p.setProperty("relay.kafka.bootstrap-servers", "127.0.0.1:9092");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return RelaySettings.from(p);
    }
}
