package io.cdcrelay.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import io.cdcrelay.demo.EmbeddedMariaDb;

/**
 * The one table both competitors of {@link PipelineBenchmark} read, {@code bench.changes (id, payload, n, ts)},
 * and the committed inserts of the catch-up rounds and the warm-ups. Ids come from one counter, so every row of
 * the run is new; {@code ts} is 0 except for the paced writer's rows, whose latency is measured. A table of the
 * same shape in another database ({@code probe.changes}) takes the paced writer's rows while the competitors
 * are stopped, to see what the server does alone.
 */
final class ChangesTable {

    /** 150 bytes: with the default format's envelope a message is about 330 bytes, as in bench/throughput.sh. */
    static final String PAYLOAD = "x".repeat(150);
    private static final int TRANSACTION_ROWS = 1_000;

    private final EmbeddedMariaDb db;
    private final String database;
    private final AtomicLong nextId = new AtomicLong(1);

    private ChangesTable(EmbeddedMariaDb db, String database) {
        this.db = db;
        this.database = database;
    }

    /** Creates {@code <database>.changes} and the database. */
    static ChangesTable create(EmbeddedMariaDb db, String database) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE TABLE " + database + ".changes (id BIGINT PRIMARY KEY, payload VARCHAR(200), n INT,"
                    + " ts BIGINT)");
        }
        return new ChangesTable(db, database);
    }

    String database() {
        return database;
    }

    /** A connection whose default database is this table's. */
    Connection connect() throws SQLException {
        return db.connect(database);
    }

    /** An id no row of this run has. */
    long nextId() {
        return nextId.getAndIncrement();
    }

    /** Commits {@code rows} new rows in transactions of 1,000. @return the seconds it took */
    double commit(int rows) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (int done = 0; done < rows; done += TRANSACTION_ROWS) {
                s.executeUpdate(insertRows(Math.min(TRANSACTION_ROWS, rows - done)));
                c.commit();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One multi-row INSERT, in the style of {@link RelayThroughputBenchmark#insertRows}, with {@code ts} 0. */
    private String insertRows(int count) {
        StringBuilder sql = new StringBuilder(count * 180).append("INSERT INTO changes (id, payload, n, ts) VALUES ");
        for (int i = 0; i < count; i++) {
            long id = nextId();
            sql.append(i == 0 ? "" : ",").append('(').append(id).append(",'").append(PAYLOAD).append("',")
                    .append(id % 1_000_000).append(",0)");
        }
        return sql.toString();
    }
}
