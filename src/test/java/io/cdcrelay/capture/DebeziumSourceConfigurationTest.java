package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;

import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.RelaySettings.SyncType;
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
    void withoutAnOverrideTheBinlogClientLooksForALostConnectionEverySecond() {
        assertThat(engineProperties().getProperty("connect.keep.alive.interval.ms")).isEqualTo("1000");
        assertThat(engineProperties("relay.source.debezium.connect.keep.alive.interval.ms", "60000")
                .getProperty("connect.keep.alive.interval.ms")).isEqualTo("60000");
    }

    /** The engine's properties for a minimal relay with these {@code relay.*} keys and values added. */
    private static Properties engineProperties(String... keysAndValues) {
        Properties p = new Properties();
        p.setProperty("relay.source.user", "relay");
        p.setProperty("relay.kafka.bootstrap-servers", "127.0.0.1:9092");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        RelaySettings settings = RelaySettings.from(p);
        return DebeziumSourceConfiguration.engineProperties(DebeziumSourceConfiguration.of(
                settings.source(), Path.of("data"), settings.syncTypes(), false, settings.delivery(), Optional.empty()));
    }
}
