package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

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
}
