package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdcrelay.TestRelay;
import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.precheck.CheckResult;
import io.cdcrelay.precheck.Precheck;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A relay whose saved position the source purged while it was stopped: the production jar refuses to start with
 * one sentence saying what was lost and the two ways on, exit code 2 and no Debezium stack trace, and
 * {@code --precheck}'s {@code saved position} line fails with the same words. The database is one of its own:
 * purging the shared one's binlog would take files other tests read.
 */
@ExtendWith(RealServers.class)
class BinlogRetentionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long DAY = 86_400;
    private static final String DB = "it_retention";

    private final Path dir = Path.of("target", "it-binlog-retention").toAbsolutePath();
    private EmbeddedMariaDb db;

    @Test
    void aSavedPositionTheSourcePurgedStopsTheStartWithOneSentenceAndNoStackTrace(Servers servers) throws Exception {
        Directories.deleteRecursively(dir);
        try (EmbeddedMariaDb own = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick())) {
            db = own;
            refusesThePurgedPosition(servers);
        }
    }

    private void refusesThePurgedPosition(Servers servers) throws Exception {
        sql("SET GLOBAL binlog_expire_logs_seconds = " + DAY, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".items (id INT PRIMARY KEY, name VARCHAR(20))");
        Path dataDir = dir.resolve("relay");
        Properties p = TestRelay.properties(servers, DB, dataDir, 7101);
        p.setProperty("relay.source.port", String.valueOf(db.port()));
        p.setProperty("relay.sync-types", "schema,incremental");
        RelaySettings settings = RelaySettings.from(p);
        OffsetSeeder offsets = new OffsetSeeder(DebeziumSourceConfiguration.offsetStorage(
                settings.capture().orElseThrow().source(),
                settings.dataDir(), settings.state(), settings.delivery()), DB, DB);

        Map<String, Object> saved;
        try (TestRelay relay = TestRelay.start(p)) {
            sql("INSERT INTO " + DB + ".items VALUES (1, 'a'), (2, 'b')");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> offsets.saved().isPresent());
            saved = offsets.saved().orElseThrow();
            // the relay reads the retention off the server; its position is in the file being written
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(gauge(relay, "relay.binlog.retention.seconds")).isEqualTo(DAY);
                assertThat(gauge(relay, "relay.binlog.retention.headroom.seconds")).isEqualTo(DAY);
            });
        }
        assertThat(saved).containsKeys("file", "pos", "gtids");

        // while the relay is stopped: changes it never read, then their files purged
        sql("INSERT INTO " + DB + ".items VALUES (3, 'c')", "FLUSH BINARY LOGS",
                "INSERT INTO " + DB + ".items VALUES (4, 'd')", "FLUSH BINARY LOGS");
        // binlog times are whole seconds: a second after the saved file was closed, less than the retention is left
        Thread.sleep(1100);
        assertThat(precheckLine(settings)).as("before the purge").matches("PASS  saved position: "
                + Pattern.quote(saved.get("file") + ":" + saved.get("pos") + " (GTIDs " + saved.get("gtids") + ")")
                + " is on the source \\(oldest binlog mariadb-bin\\.000001\\); the source may purge its file in "
                + "23h5\\dm at the earliest \\(retention 24h00m\\)");
        sql("FLUSH BINARY LOGS");
        String newest = binaryLogs().get(binaryLogs().size() - 1);
        // the server keeps a file a binlog reader is still on (the precheck's short replica read, until the server
        // notices it left): purge again until only the newest is left
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            sql("PURGE BINARY LOGS TO '" + newest + "'");
            return binaryLogs().equals(List.of(newest));
        });

        String lost = "the saved position " + saved.get("file") + ":" + saved.get("pos") + " (GTIDs "
                + saved.get("gtids") + ") of relay.source.name=" + DB + " is no longer on the source, whose oldest "
                + "binlog is " + newest + " (begun (\\S+Z)), so the changes committed between them were purged before "
                + "the relay read them";
        String fix = "delete " + dataDir.resolve("offsets-" + DB + ".dat") + " and "
                + dataDir.resolve("schema-history-" + DB + ".dat") + ", then start with full in relay.sync-types to "
                + "copy the current rows again, or with relay.incremental.start-timestamp set to a time at or after "
                + "\\1 to continue from the binlog the source still has";
        assertThat(precheckLine(settings)).matches(literal("FAIL  saved position: " + lost + " — fix: " + fix));

        File log = dir.resolve("relay.log").toFile();
        Process relay = RelayProcess.start(p, log, "-Xmx384m");
        try {
            assertThat(relay.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(relay.exitValue()).as(output).isEqualTo(2);
            Matcher refused = Pattern.compile("(?m)^" + literal("cdc-relay: " + lost + ": " + fix + ".") + "$")
                    .matcher(output);
            assertThat(refused.find()).as(output).isTrue();
            assertThat(output).as("no stack trace, no engine started").doesNotContainPattern("(?m)^\\s+at ")
                    .doesNotContain("Exception").doesNotContain("Debezium engine");
        } finally {
            relay.destroyForcibly();
        }
    }

    /** {@code text} as a pattern: literal, except the groups {@code (\S+Z)} and back references {@code \1}. */
    private static String literal(String text) {
        StringBuilder pattern = new StringBuilder();
        Matcher m = Pattern.compile("\\(\\\\S\\+Z\\)|\\\\1").matcher(text);
        int at = 0;
        while (m.find()) {
            pattern.append(Pattern.quote(text.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return pattern.append(Pattern.quote(text.substring(at))).toString();
    }

    private static String precheckLine(RelaySettings settings) {
        return new Precheck(settings).run().results().stream().filter(r -> r.name().equals("saved position"))
                .map(CheckResult::line).findFirst().orElseThrow();
    }

    private static double gauge(TestRelay relay, String name) {
        Gauge gauge = relay.meters().find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private List<String> binaryLogs() throws SQLException {
        List<String> files = new ArrayList<>();
        try (Connection c = db.connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
