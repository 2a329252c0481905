package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReplicatedMariaDb}, the primary and replica a failover test stands on: the replica follows the primary
 * with the primary's own GTIDs, and once the primary is killed and the replica promoted, the replica takes writes
 * under its own server id. Each test has its own pair, since one of them kills its primary.
 */
class ReplicationFixtureIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationFixtureIT.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final int ROWS = 100;

    private final Path dir = Path.of("target", "it-replication-fixture").toAbsolutePath();

    @Test
    void theReplicaHasThePrimarysRowsAndBinlogsThemUnderThePrimarysGtids() throws Exception {
        try (ReplicatedMariaDb pair = start("caught-up")) {
            writeRows(pair.primary(), "it_replicated", ROWS);

            pair.awaitReplicaCaughtUp(CATCH_UP);

            assertThat(ids(pair.replica(), "it_replicated")).as("rows on the replica").isEqualTo(ids(ROWS));
            String primaryPos = ReplicatedMariaDb.gtidBinlogPos(pair.primary());
            assertThat(primaryPos).as("primary's gtid_binlog_pos").matches("0-1-\\d+");
            assertThat(ReplicatedMariaDb.gtidBinlogPos(pair.replica())).as("replica's gtid_binlog_pos")
                    .isEqualTo(primaryPos);
            assertThat(longVariable(pair.replica(), "@@read_only")).as("replica's read_only").isEqualTo(1);
            for (EmbeddedMariaDb server : List.of(pair.primary(), pair.replica())) {
                assertThat(longVariable(server, "@@log_slave_updates")).as("log_slave_updates").isEqualTo(1);
                assertThat(longVariable(server, "@@gtid_strict_mode")).as("gtid_strict_mode").isEqualTo(1);
            }
        }
    }

    @Test
    void aReplicaPromotedAfterItsPrimaryIsKilledTakesWritesUnderItsOwnServerId() throws Exception {
        try (ReplicatedMariaDb pair = start("promoted")) {
            writeRows(pair.primary(), "it_failover", ROWS);
            pair.awaitReplicaCaughtUp(CATCH_UP);
            String beforeKill = ReplicatedMariaDb.gtidBinlogPos(pair.primary());

            pair.killPrimary();
            assertThat(reachable(pair.primary())).as("primary answers after SIGKILL").isFalse();
            pair.promoteReplica();
            try (Connection c = pair.replica().connect("it_failover"); Statement s = c.createStatement()) {
                s.execute("INSERT INTO t (id, v) VALUES (" + (ROWS + 1) + ", 'after failover')");
            }

            long primarySeq = Long.parseLong(beforeKill.substring(beforeKill.lastIndexOf('-') + 1));
            assertThat(ReplicatedMariaDb.gtidBinlogPos(pair.replica())).as("promoted replica's gtid_binlog_pos")
                    .isEqualTo("0-2-" + (primarySeq + 1));
            assertThat(ids(pair.replica(), "it_failover")).as("rows on the promoted replica").isEqualTo(ids(ROWS + 1));
            assertThat(slaveStatusRows(pair.replica())).as("SHOW SLAVE STATUS rows").isZero();
            assertThat(longVariable(pair.replica(), "@@read_only")).as("promoted replica's read_only").isZero();
        }
    }

    private ReplicatedMariaDb start(String name) throws Exception {
        Path pairDir = dir.resolve(name);
        Directories.deleteRecursively(pairDir);
        long started = System.nanoTime();
        ReplicatedMariaDb pair = ReplicatedMariaDb.start(pairDir);
        LOG.info("{}: primary on {} and replica on {} started in {} ms", name, pair.primary().port(),
                pair.replica().port(), (System.nanoTime() - started) / 1_000_000);
        return pair;
    }

    private static void writeRows(EmbeddedMariaDb server, String database, int rows) throws SQLException {
        try (Connection c = server.connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE TABLE " + database + ".t (id INT PRIMARY KEY, v VARCHAR(50))");
            for (int id = 1; id <= rows; id++) {
                s.execute("INSERT INTO " + database + ".t (id, v) VALUES (" + id + ", 'row " + id + "')");
            }
        }
    }

    private static List<Integer> ids(EmbeddedMariaDb server, String database) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = server.connect(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (r.next()) {
                ids.add(r.getInt(1));
            }
        }
        return ids;
    }

    private static List<Integer> ids(int upTo) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= upTo; id++) {
            ids.add(id);
        }
        return ids;
    }

    private static long longVariable(EmbeddedMariaDb server, String variable) throws SQLException {
        try (Connection c = server.connect(""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT " + variable)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int slaveStatusRows(EmbeddedMariaDb server) throws SQLException {
        int rows = 0;
        try (Connection c = server.connect(""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW SLAVE STATUS")) {
            while (r.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static boolean reachable(EmbeddedMariaDb server) {
        try (Connection c = server.connect("")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
