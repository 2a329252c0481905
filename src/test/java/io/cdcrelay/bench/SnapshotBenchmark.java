package io.cdcrelay.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;

/**
 * Initial-snapshot throughput of the relay (table rows to acknowledged Kafka messages), against a baseline
 * measured in the same run on the same server: a plain streaming JDBC read of the same table. The relay's
 * progress lines, with the snapshot's tables, rows and ETA, go to the log. Not a test: run it with
 * {@code bench/throughput.sh --snapshot [rows]}.
 */
public final class SnapshotBenchmark {

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path dir = Path.of("target", "bench-snapshot").toAbsolutePath();
        Directories.deleteRecursively(dir);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick())) {
            Servers servers = new Servers(db, kafka, dir);
            fill(servers, rows);
            double baseline = jdbcRead(servers);
            Properties p = TestRelay.properties(servers, "snap", dir.resolve("relay"), 7101);
            p.setProperty("relay.progress.interval", "2s");
            long start = System.nanoTime();
            try (TestRelay running = TestRelay.start(p)) {
                RelayThroughputBenchmark.awaitMessages(kafka.bootstrapServers(), "Topic_snap_items", rows);
                double relay = rows / ((System.nanoTime() - start) / 1e9);
                System.out.printf("%nrows: %,d of ~180 bytes, one table%n", rows);
                System.out.printf("baseline, streaming JDBC read:      %,10.0f rows/s%n", baseline);
                System.out.printf("cdc-relay snapshot, Kafka acked:     %,10.0f rows/s (%.0f%% of baseline; includes start-up)%n",
                        relay, 100 * relay / baseline);
            }
        }
    }

    private static void fill(Servers servers, int rows) throws Exception {
        servers.sql("CREATE DATABASE snap", "CREATE TABLE snap.items (id BIGINT PRIMARY KEY, payload VARCHAR(200), n INT)");
        try (Connection c = servers.mariaDb().connect("snap"); Statement s = c.createStatement()) {
            for (int from = 0; from < rows; from += 1000) {
                s.executeUpdate(RelayThroughputBenchmark.insertRows("items", from, Math.min(rows, from + 1000)));
            }
            s.execute("ANALYZE TABLE items");
        }
    }

    private static double jdbcRead(Servers servers) throws Exception {
        long start = System.nanoTime();
        long read = 0;
        try (Connection c = servers.mariaDb().connect("snap"); Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT * FROM items")) {
                while (rs.next()) {
                    read += rs.getString(2).length() > 0 ? 1 : 0;
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }
}
