package io.cdcrelay.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.SnapshotSettings;
import io.cdcrelay.config.SourceServer;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.report.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SourceFollowerTest {

    private static final SourceServer A = new SourceServer("db-a", 3306);
    private static final SourceServer B = new SourceServer("db-b", 3306);
    private static final SourceServer C = new SourceServer("db-c", 3306);

    /** What each server answers; a server missing from the map does not answer. */
    private final Map<SourceServer, ServerStanding> standings = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    private SourceFollower follower(SourceServer... servers) {
        SourceSettings source = new SourceSettings(SourceSettings.Flavor.MARIADB, List.of(servers), "u", "p", 5400,
                "relay", List.of(), List.of(), Map.of(), Map.of(), SnapshotSettings.off());
        return new SourceFollower(source, (server, saved) -> {
            asked.add(server + " " + saved.orElse("-"));
            return standings.getOrDefault(server, ServerStanding.unreachable(server, "Connection refused"));
        });
    }

    private void primary(SourceServer server) {
        standings.put(server, new ServerStanding(server, Optional.empty(), false, false, Optional.empty()));
    }

    private void replica(SourceServer server) {
        standings.put(server, new ServerStanding(server, Optional.empty(), true, true, Optional.empty()));
    }

    private void primaryLacking(SourceServer server) {
        standings.put(server, new ServerStanding(server, Optional.empty(), false, false,
                Optional.of("its binlog (gtid_binlog_state 0-1-98) does not hold the saved GTID 0-1-100")));
    }

    @Test
    void oneServerIsReadWithoutAskingIt() {
        SourceFollower follower = follower(A);
        assertThat(follower.choose(() -> {
            throw new AssertionError("the saved position is read with one server listed");
        })).isEqualTo(A);
        assertThat(follower.whyLeave()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void theServerReadStaysWhileItIsAWritablePrimaryHoldingThePosition() {
        primary(A);
        primary(B);
        SourceFollower follower = follower(A, B);
        assertThat(follower.choose(() -> Optional.of("0-1-100"))).isEqualTo(A);
        assertThat(asked).containsExactly("db-a:3306 0-1-100");
    }

    @Test
    void aDeadPrimaryIsLeftForTheFirstPromotedReplicaHoldingTheSavedGtids() {
        replica(B);
        primary(C);
        SourceFollower follower = follower(A, B, C);
        RelayMetrics metrics = new RelayMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
        follower.reportTo(metrics);
        assertThat(metrics.sourceServer()).contains("db-a:3306");

        assertThat(follower.choose(() -> Optional.of("0-1-100"))).isEqualTo(C);
        assertThat(follower.reading().server()).isEqualTo(C);
        assertThat(follower.reading().servers()).containsExactly(C, A, B);
        assertThat(metrics.sourceServer()).contains("db-c:3306");
    }

    @Test
    void aServerLackingTheSavedGtidsIsNeverRead() {
        primaryLacking(B);
        SourceFollower follower = follower(A, B);
        assertThatThrownBy(() -> follower.choose(() -> Optional.of("0-1-100")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("no server of relay.source.host can continue the relay's position: db-a:3306 does not "
                        + "answer (Connection refused); db-b:3306 cannot continue the saved position: its binlog "
                        + "(gtid_binlog_state 0-1-98) does not hold the saved GTID 0-1-100; a server that lacks the "
                        + "saved GTIDs is never read, as changes would be skipped: bring back a server that has "
                        + "them, or delete the saved state to start afresh.");
        assertThat(follower.reading().server()).isEqualTo(A);
    }

    @Test
    void withNoWritablePrimaryYetTheSentenceSaysHowToPromote() {
        replica(B);
        SourceFollower follower = follower(A, B);
        assertThatThrownBy(() -> follower.choose(() -> Optional.of("0-1-100")))
                .hasMessageEndingWith("db-b:3306 is a replica (SHOW REPLICA STATUS names its source); the relay "
                        + "retries until one is a writable primary (promote a replica: STOP SLAVE; RESET SLAVE ALL; "
                        + "SET GLOBAL read_only=OFF).");
    }

    @Test
    void aPositionWithoutGtidsStaysOnItsServerButNeverMoves() {
        primary(A);
        primary(B);
        SourceFollower follower = follower(A, B);
        assertThat(follower.choose(() -> Optional.of(""))).isEqualTo(A);
        standings.remove(A);
        assertThatThrownBy(() -> follower.choose(() -> Optional.of("")))
                .hasMessageContaining("db-b:3306 cannot continue the saved position: the saved position has no GTIDs");
    }

    @Test
    void beforeAnythingIsSavedTheFirstWritablePrimaryIsRead() {
        replica(A);
        primary(B);
        SourceFollower follower = follower(A, B);
        assertThat(follower.choose(() -> Optional.empty())).isEqualTo(B);
        assertThat(asked).containsExactly("db-a:3306 -", "db-b:3306 -");
    }

    @Test
    void theServerReadIsLeftOnceItIsGoneOrReadOnly() {
        primary(A);
        SourceFollower follower = follower(A, B);
        assertThat(follower.whyLeave()).isEmpty();
        standings.put(A, new ServerStanding(A, Optional.empty(), true, false, Optional.empty()));
        assertThat(follower.whyLeave()).contains("db-a:3306 is read-only (read_only=ON)");
        standings.remove(A);
        assertThat(follower.whyLeave()).contains("db-a:3306 does not answer (Connection refused)");
    }
}
