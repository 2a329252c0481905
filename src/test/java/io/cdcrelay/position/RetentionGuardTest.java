package io.cdcrelay.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.cdcrelay.capture.SavedPositionCheck;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.position.OffsetStorage;
import io.cdcrelay.position.RetentionGuard.Saved;
import io.cdcrelay.position.RetentionGuard;
import io.cdcrelay.position.SourceBinlogs;
import org.junit.jupiter.api.Test;

class RetentionGuardTest {

    private static final List<String> FILES = List.of("mariadb-bin.000004", "mariadb-bin.000005", "mariadb-bin.000006");
    private static final Map<String, Long> BEGAN = Map.of("mariadb-bin.000004", 1_000L, "mariadb-bin.000005", 5_000L,
            "mariadb-bin.000006", 9_000L);
    private static final long DAY = 86_400;

    @Test
    void aSavedPositionIsKeptWhileTheSourceListsItsFile() {
        Saved saved = new Saved("mariadb-bin.000004", 1234, "0-1-57");
        assertThat(RetentionGuard.kept(saved, FILES)).isTrue();
        assertThat(RetentionGuard.kept(new Saved("mariadb-bin.000003", 4, "0-1-50"), FILES)).isFalse();
        // a file of an earlier numbering (RESET MASTER) is gone as well
        assertThat(RetentionGuard.kept(new Saved("mariadb-bin.000009", 4, ""), FILES)).isFalse();
        // no binlog at all is the binlog check's to report
        assertThat(RetentionGuard.kept(saved, List.of())).isTrue();
    }

    @Test
    void theOffsetOfAFinishedSnapshotOrOfTheBinlogIsChecked() {
        assertThat(Saved.of(Map.of("file", "mariadb-bin.000002", "pos", 7788L, "gtids", "0-1-9", "row", 1)))
                .contains(new Saved("mariadb-bin.000002", 7788, "0-1-9"));
        assertThat(Saved.of(Map.of("file", "bin.000001", "pos", 4))).contains(new Saved("bin.000001", 4, ""));
        // a snapshot not finished is begun again from a new position: nothing to lose
        assertThat(Saved.of(Map.of("file", "bin.000001", "pos", 4L, "snapshot", true))).isEmpty();
        assertThat(Saved.of(Map.of("pos", 4L))).isEmpty();
    }

    @Test
    void thePurgedSentenceSaysWhatWasLostAndBothWaysOn() {
        Saved saved = new Saved("mariadb-bin.000001", 1234, "0-1-57");
        Optional<Instant> began = Optional.of(Instant.parse("2026-12-03T08:50:01Z"));
        String sentence = RetentionGuard.lost(saved, "shop", "mariadb-bin.000004", began) + ": "
                + RetentionGuard.fix("/data/offsets-shop.dat and /data/schema-history-shop.dat", began) + ".";
        assertThat(sentence).isEqualTo("the saved position mariadb-bin.000001:1234 (GTIDs 0-1-57) of "
                + "relay.source.name=shop is no longer on the source, whose oldest binlog is mariadb-bin.000004 (begun "
                + "2026-12-03T08:50:01Z), so the changes committed between them were purged before the relay read "
                + "them: delete /data/offsets-shop.dat and /data/schema-history-shop.dat, then start with full in "
                + "relay.sync-types to copy the current rows again, or with relay.incremental.start-timestamp set to a "
                + "time at or after 2026-12-03T08:50:01Z to continue from the binlog the source still has.");
        assertThat(RetentionGuard.fix("x", Optional.empty())).contains("set to a time the oldest binlog holds");
    }

    @Test
    void theHeadroomIsTheTimeUntilTheFileAfterTheRelaysIsOlderThanTheRetention() {
        // the relay's file was closed when 000005 was begun (5,000); purgeable from 5,000 + a day
        assertThat(headroom("mariadb-bin.000004", DAY, 6_000)).isEqualTo(DAY - 1_000);
        assertThat(headroom("mariadb-bin.000005", DAY, 10_000)).isEqualTo(DAY - 1_000);
        // the file being written is never purged; nor is anything without a position
        assertThat(headroom("mariadb-bin.000006", DAY, 500_000)).isEqualTo(DAY);
        assertThat(RetentionGuard.headroomSeconds(Optional.empty(), FILES, BEGAN::get, DAY, 6_000)).isEqualTo(DAY);
        // due, or gone already
        assertThat(headroom("mariadb-bin.000004", DAY, 5_000 + DAY + 60)).isZero();
        assertThat(headroom("mariadb-bin.000003", DAY, 6_000)).isZero();
    }

    @Test
    void withoutExpiryThereIsNoHeadroomAndNoWarning() {
        double none = headroom("mariadb-bin.000004", 0, 6_000);
        assertThat(none).isNaN();
        assertThat(RetentionGuard.low(none, 0)).isFalse();
    }

    @Test
    void aHeadroomUnderAFifthOfTheRetentionIsLow() {
        assertThat(RetentionGuard.low(0.2 * DAY - 1, DAY)).isTrue();
        assertThat(RetentionGuard.low(0.2 * DAY, DAY)).isFalse();
        assertThat(RetentionGuard.low(0, DAY)).isTrue();
    }

    @Test
    void theRetentionIsTheSecondsSettingElseTheDays() {
        assertThat(SourceBinlogs.retentionSeconds(3600, 0)).isEqualTo(3600);
        // MariaDB 10.6+: the two settings are one, in two units
        assertThat(SourceBinlogs.retentionSeconds(864_000, 10)).isEqualTo(864_000);
        // MariaDB before 10.6 has only the days; MySQL 8 with only the deprecated days set
        assertThat(SourceBinlogs.retentionSeconds(0, 7)).isEqualTo(7 * DAY);
        assertThat(SourceBinlogs.retentionSeconds(0, 0.5)).isEqualTo(DAY / 2);
        assertThat(SourceBinlogs.retentionSeconds(0, 0)).isZero();
    }

    @Test
    void theStateToDeleteIsWhereTheRelayKeepsItsPositionAndSchemaHistory() {
        Properties p = settings();
        p.setProperty("relay.source.name", "shop");
        p.setProperty("relay.data-dir", "/var/lib/relay");
        assertThat(new SavedPositionCheck(RelaySettings.from(p)).savedState()).isEqualTo(
                Path.of("/var/lib/relay/offsets-shop.dat") + " and " + Path.of("/var/lib/relay/schema-history-shop.dat"));
        p.setProperty("relay.state.store", "kafka");
        p.setProperty("relay.delivery.guarantee", "exactly-once");
        assertThat(new SavedPositionCheck(RelaySettings.from(p)).savedState()).isEqualTo(
                "the state topics shop.offsets and shop.schema-history and the topic shop.positions");
    }

    @Test
    void underExactlyOnceToKafkaTheSavedPositionIsReadFromThePositionsTopicFirst() {
        Properties p = settings();
        p.setProperty("relay.source.name", "shop");
        p.setProperty("relay.data-dir", "/var/lib/relay");
        assertThat(storageOf(RelaySettings.from(p))).hasToString(
                Path.of("/var/lib/relay/offsets-shop.dat").toString());
        p.setProperty("relay.delivery.guarantee", "exactly-once");
        assertThat(storageOf(RelaySettings.from(p)).toString())
                .startsWith("positions topic shop.positions, then ");
    }

    @Test
    void aSnapshotModeWhenNeededAskedForOutrightIsNotRefused() {
        Properties p = settings();
        p.setProperty("relay.sync-types", "schema,incremental");
        p.setProperty("relay.source.debezium.snapshot.mode", "when_needed");
        // decided before any store or server is read
        assertThat(new SavedPositionCheck(RelaySettings.from(p)).run().kind()).isEqualTo(SavedPositionCheck.Kind.NONE);
        p.setProperty("relay.sync-types", "schema,full");
        p.remove("relay.source.debezium.snapshot.mode");
        assertThat(new SavedPositionCheck(RelaySettings.from(p)).run().detail()).contains("no incremental");
    }

    /** The least a relay's settings need. */
    private static Properties settings() {
        Properties p = new Properties();
        p.setProperty("relay.source.user", "relay");
        p.setProperty("relay.source.password", "secret");
        p.setProperty("relay.kafka.bootstrap-servers", "k:9092");
        return p;
    }

    private static double headroom(String file, long retention, long now) {
        return RetentionGuard.headroomSeconds(Optional.of(file), FILES, BEGAN::get, retention, now);
    }

    private static OffsetStorage storageOf(RelaySettings settings) {
        return SavedPositionCheck.storageOf(settings, settings.capture().orElseThrow());
    }
}
