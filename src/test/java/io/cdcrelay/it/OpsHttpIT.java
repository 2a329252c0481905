package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's view over HTTP against real MariaDB and Kafka: /status, /health and /metrics describe a
 * running relay; a route suspended and resumed through Jolokia (what Hawtio uses) loses nothing; readiness
 * goes DOWN while the binlog reader cannot read and UP again once it can.
 */
@ExtendWith(RealServers.class)
class OpsHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void statusHealthAndMetricsDescribeARunningRelay(Servers servers) throws Exception {
        String db = "it_ops_status";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        int port = FreePort.pick();
        try (TestRelay relay = TestRelay.start(properties(servers, db, 6601, port))) {
            awaitStreaming(servers, db);
            servers.sql("INSERT INTO " + db + ".t VALUES (1,1),(2,2),(3,3)", "UPDATE " + db + ".t SET v = 9 WHERE id = 1");
            TopicReader.readAtLeast(servers.kafka().bootstrapServers(), "Topic_" + db + "_t", 4, WAIT);

            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("readiness").asText()).isEqualTo("UP");
            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode status = json.readTree(get(port, "/status").body());
                assertThat(status.path("state").asText()).isEqualTo("running");
                assertThat(status.path("phase").asText()).isEqualTo("incremental");
                assertThat(status.path("tables").path(db + ".t").path("delivered").path("INSERT").asLong()).isEqualTo(3);
                assertThat(status.path("tables").path(db + ".t").path("delivered").path("UPDATE").asLong()).isEqualTo(1);
                assertThat(status.path("position").path("file").asText()).startsWith("mariadb-bin.");
                assertThat(Instant.parse(status.path("lastCommitDelivered").asText()))
                        .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
                assertThat(status.path("lagMs").asLong()).isNotNegative();
                assertThat(status.path("routes").path("cdc").asText()).isEqualTo("Started");
            });

            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("relay_changes_delivered_total{op=\"INSERT\",table=\"" + db + ".t\"} 3.0")
                    .contains("relay_delivery_latency_seconds_count")
                    .contains("relay_bytes_delivered_bytes_total")
                    .contains("relay_transactions_captured_total")
                    .contains("relay_lag_ms");
        }
    }

    @Test
    void aRouteSuspendedAndResumedOverJolokiaLosesNothing(Servers servers) throws Exception {
        String db = "it_ops_pause";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        int port = FreePort.pick();
        Properties p = properties(servers, db, 6602, port);
        p.setProperty("relay.jolokia.enabled", "true");
        try (TestRelay relay = TestRelay.start(p)) {
            awaitStreaming(servers, db);
            String route = jolokia(port, "{\"type\":\"search\",\"mbean\":\"org.apache.camel:context=relay-" + db
                    + ",type=routes,name=\\\"cdc\\\"\"}").path("value").get(0).asText();

            jolokia(port, "{\"type\":\"exec\",\"mbean\":" + json.writeValueAsString(route) + ",\"operation\":\"suspend()\"}");
            assertThat(jolokia(port, "{\"type\":\"read\",\"mbean\":" + json.writeValueAsString(route)
                    + ",\"attribute\":\"State\"}").path("value").asText()).isEqualTo("Suspended");
            assertThat(json.readTree(get(port, "/status").body()).path("state").asText()).isEqualTo("suspended");
            List<String> rows = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                rows.add("INSERT INTO " + db + ".t VALUES (" + i + ", " + i + ")");
            }
            servers.sql(rows.toArray(String[]::new));
            Thread.sleep(2000);
            assertThat(TopicReader.read(servers.kafka().bootstrapServers(), "Topic_" + db + "_t", 1, Duration.ofSeconds(2)))
                    .as("nothing is relayed while suspended").isEmpty();

            jolokia(port, "{\"type\":\"exec\",\"mbean\":" + json.writeValueAsString(route) + ",\"operation\":\"resume()\"}");
            assertThat(TopicReader.readAtLeast(servers.kafka().bootstrapServers(), "Topic_" + db + "_t", 50, WAIT)
                    .stream().map(r -> r.value()).distinct().count()).isEqualTo(50);
        }
    }

    @Test
    void readinessIsDownWhileTheBinlogCannotBeReadAndUpAgainOnceItCan(Servers servers) throws Exception {
        String db = "it_ops_ready";
        String user = "ops_reader";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'ops-secret'",
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + user + "'@'%'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'ops-secret'",
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + user + "'@'localhost'");
        int port = FreePort.pick();
        Properties p = properties(servers, db, 6603, port);
        p.setProperty("relay.source.user", user);
        p.setProperty("relay.source.password", "ops-secret");
        try (TestRelay relay = TestRelay.start(p)) {
            awaitStreaming(servers, db);
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);

            servers.sql("REVOKE REPLICATION SLAVE ON *.* FROM '" + user + "'@'%'",
                    "REVOKE REPLICATION SLAVE ON *.* FROM '" + user + "'@'localhost'");
            killBinlogReaders(servers, user);
            // a binlog dump thread notices its KILL only when it has an event to send
            servers.sql("INSERT INTO " + db + ".ready VALUES (2)");
            await().atMost(WAIT).untilAsserted(() -> {
                HttpResponse<String> health = get(port, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(json.readTree(health.body()).path("readiness").asText()).isEqualTo("DOWN");
            });
            assertThat(get(port, "/health/live").statusCode()).as("alive all along").isEqualTo(200);

            servers.sql("GRANT REPLICATION SLAVE ON *.* TO '" + user + "'@'%'",
                    "GRANT REPLICATION SLAVE ON *.* TO '" + user + "'@'localhost'");
            await().atMost(WAIT).until(() -> get(port, "/health").statusCode() == 200);
            servers.sql("INSERT INTO " + db + ".t VALUES (7, 7)");
            assertThat(TopicReader.readAtLeast(servers.kafka().bootstrapServers(), "Topic_" + db + "_t", 1, WAIT))
                    .extracting(r -> r.value()).anyMatch(v -> v.contains("\"id\":\"7\""));
            assertThat(json.readTree(get(port, "/status").body()).path("errors")).as("the failure is reported")
                    .isNotEmpty();
        }
    }

    private static Properties properties(Servers servers, String db, long serverId, int port) {
        Properties p = TestRelay.properties(servers, db, servers.dir().resolve("relay-" + db), serverId);
        p.setProperty("relay.http.port", String.valueOf(port));
        return p;
    }

    /** Snapshot done and binlog streaming: a row written now arrives. */
    private static void awaitStreaming(Servers servers, String db) throws Exception {
        servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
        TopicReader.readAtLeast(servers.kafka().bootstrapServers(), "Topic_" + db + "_ready", 1, WAIT);
    }

    private static void killBinlogReaders(Servers servers, String user) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = servers.mariaDb().connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        for (long id : ids) {
            servers.sql("KILL " + id);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode jolokia(int port, String request) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jolokia"))
                .POST(HttpRequest.BodyPublishers.ofString(request)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("status").asInt()).as(response.body()).isEqualTo(200);
        return answer;
    }
}
