package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdcrelay.demo.EmbeddedMariaDb;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A seeded workload on {@code <db>.ledger (id, version)}: each transaction inserts new rows at version 1
 * and bumps the version of earlier ones; one in four also moves an earlier row to a new id, an UPDATE of its
 * primary key, which Debezium itself gives as a DELETE of the old key and a CREATE of the new one, at one binlog
 * position. It remembers what was committed, so a test can check that every
 * committed change was delivered and that each key's changes arrived in commit order. Not thread-safe: one
 * writer at a time; the committed record may be read while it writes.
 */
final class LedgerWorkload {

    private static final Pattern ROW = Pattern.compile("\"postStruct\":\\{\"id\":\"(\\d+)\",\"version\":\"(\\d+)\"}");
    private static final Pattern DELETED = Pattern.compile("\"prevStruct\":\\{\"id\":\"(\\d+)\",\"version\":\"\\d+\"}");
    /** The version a key's DELETE stands for in the record: versions start at 1. */
    private static final int GONE = 0;

    /** The server written to: after a failover, the promoted replica. */
    private volatile EmbeddedMariaDb db;
    private final String database;
    private final Random random = new Random(7);
    private final Map<Integer, List<Integer>> committed = new ConcurrentHashMap<>();
    private final AtomicInteger changes = new AtomicInteger();
    private int nextId = 1;
    /** The rows of a transaction whose commit failed, until {@link #settle} finds out whether it committed. */
    private Map<Integer, Integer> unsettled;
    private int unsettledProbe;

    LedgerWorkload(EmbeddedMariaDb db, String database) throws SQLException {
        this.db = db;
        this.database = database;
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE TABLE " + database + ".ledger (id INT PRIMARY KEY, version INT NOT NULL)");
        }
    }

    /**
     * From now on writes to {@code promoted}, which holds the database through replication: the source failed over.
     */
    void writeTo(EmbeddedMariaDb promoted) {
        this.db = promoted;
    }

    /** The id the next inserted row gets: rows from it on were written after this moment. */
    int nextId() {
        return nextId;
    }

    /** Commits {@code transactions} transactions of 3 inserts, up to 3 updates and, one in four, a key move. */
    void run(int transactions) throws SQLException {
        try (Connection c = connect()) {
            for (int t = 0; t < transactions; t++) {
                commitOne(c);
            }
        }
    }

    /** A connection to the workload's database with auto-commit off, as {@link #commitOne} needs. */
    Connection connect() throws SQLException {
        Connection c = db.connect(database);
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Commits one transaction of 3 inserts, up to 3 updates of earlier rows and, one in four, the move of an
     * earlier row to a new id.
     *
     * @return the id of its first inserted row
     * @throws SQLException when it failed; when the commit itself failed, whether it committed is unknown until
     *                      {@link #settle} looks
     */
    int commitOne(Connection c) throws SQLException {
        Map<Integer, Integer> written = new LinkedHashMap<>();
        int first = nextId;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger VALUES (?, 1)");
                PreparedStatement update = c.prepareStatement("UPDATE ledger SET version = ? WHERE id = ?");
                PreparedStatement move = c.prepareStatement("UPDATE ledger SET id = ?, version = ? WHERE id = ?")) {
            for (int i = 0; i < 3; i++) {
                insert.setInt(1, nextId);
                insert.executeUpdate();
                written.put(nextId++, 1);
            }
            for (int i = 0; i < 3 && nextId > 4; i++) {
                int id = 1 + random.nextInt(nextId - 4);
                if (written.containsKey(id)) {
                    continue;
                }
                int version = last(id) + 1;
                update.setInt(1, version);
                update.setInt(2, id);
                // a transaction that failed before its commit left its ids unused, and a moved row left its id:
                // there is no row to update
                if (update.executeUpdate() == 1) {
                    written.put(id, version);
                }
            }
            if (nextId > 4 && random.nextInt(4) == 0) {
                int id = 1 + random.nextInt(nextId - 4);
                if (!written.containsKey(id)) {
                    int to = nextId++;
                    int version = last(id) + 1;
                    move.setInt(1, to);
                    move.setInt(2, version);
                    move.setInt(3, id);
                    if (move.executeUpdate() == 1) {
                        written.put(id, GONE);
                        written.put(to, version);
                    }
                }
            }
        }
        try {
            c.commit();
        } catch (SQLException e) {
            unsettled = written;
            unsettledProbe = first;
            throw e;
        }
        record(written);
        return first;
    }

    /**
     * After a failed commit, on a new connection: the transaction counts as committed when its first row is there
     * (a transaction commits whole or not at all).
     */
    void settle(Connection c) throws SQLException {
        if (unsettled == null) {
            return;
        }
        try (PreparedStatement probe = c.prepareStatement("SELECT 1 FROM ledger WHERE id = ?")) {
            probe.setInt(1, unsettledProbe);
            try (ResultSet rs = probe.executeQuery()) {
                if (rs.next()) {
                    record(unsettled);
                }
            }
        }
        c.rollback();
        unsettled = null;
    }

    private void record(Map<Integer, Integer> written) {
        written.forEach((id, version) -> committed.computeIfAbsent(id, k -> new ArrayList<>()).add(version));
        changes.addAndGet(written.size());
    }

    int committedChanges() {
        return changes.get();
    }

    /**
     * Every committed (id, version) was delivered; per key the first deliveries follow commit order and the
     * last delivery is the last committed version. Repeats (at-least-once after a restart) are allowed.
     */
    void assertDeliveredInOrder(List<ConsumerRecord<String, String>> records) {
        Map<Integer, List<Integer>> delivered = versionsById(records);
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(committed.keySet());
        committed.forEach((id, versions) -> {
            List<Integer> got = delivered.get(id);
            assertThat(got.stream().distinct().toList()).as("first deliveries of id " + id).isEqualTo(versions);
            assertThat(got.get(got.size() - 1)).as("last delivery of id " + id).isEqualTo(versions.get(versions.size() - 1));
        });
    }

    /**
     * What a soak reports: committed changes never delivered, deliveries beyond the first of a change, and first
     * deliveries out of their key's commit order.
     */
    record Check(int committed, int delivered, int lost, int duplicated, int outOfOrder, List<String> lostExamples) {
    }

    /** Counts, rather than asserts, how {@code records} differ from what was committed. */
    Check check(List<ConsumerRecord<String, String>> records) {
        Map<Integer, List<Integer>> delivered = versionsById(records);
        int lost = 0;
        int duplicated = 0;
        int outOfOrder = 0;
        List<String> lostExamples = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : committed.entrySet()) {
            List<Integer> got = delivered.getOrDefault(e.getKey(), List.of());
            List<Integer> first = got.stream().distinct().toList();
            duplicated += got.size() - first.size();
            int missing = (int) e.getValue().stream().filter(v -> !first.contains(v)).count();
            lost += missing;
            if (missing > 0 && lostExamples.size() < 10) {
                lostExamples.add("id " + e.getKey() + " committed " + e.getValue() + " delivered " + got);
            }
            List<Integer> expectedOrder = e.getValue().stream().filter(first::contains).toList();
            if (!first.equals(expectedOrder)) {
                outOfOrder++;
            }
        }
        return new Check(changes.get(), records.size(), lost, duplicated, outOfOrder, lostExamples);
    }

    /**
     * The versions each id's messages carry, in the order read, {@link #GONE} for a DELETE; every message must be
     * a ledger row.
     */
    private static Map<Integer, List<Integer>> versionsById(List<ConsumerRecord<String, String>> records) {
        Map<Integer, List<Integer>> delivered = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            Matcher m = ROW.matcher(r.value());
            int id;
            int version;
            if (m.find()) {
                id = Integer.parseInt(m.group(1));
                version = Integer.parseInt(m.group(2));
            } else {
                Matcher deleted = DELETED.matcher(r.value());
                assertThat(r.value().contains("\"recordType\":\"DELETE\"") && deleted.find())
                        .as("a ledger row in " + r.value()).isTrue();
                id = Integer.parseInt(deleted.group(1));
                version = GONE;
            }
            delivered.computeIfAbsent(id, k -> new ArrayList<>()).add(version);
        }
        return delivered;
    }

    private int last(int id) {
        List<Integer> versions = committed.get(id);
        return versions == null ? 1 : versions.get(versions.size() - 1);
    }
}
