package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cdcrelay.TestRelay;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.RocketMq;
import io.cdcrelay.it.RealServers.Servers;
import io.cdcrelay.precheck.CheckResult;
import io.cdcrelay.precheck.PrecheckReport;
import io.cdcrelay.precheck.Precheck;
import io.cdcrelay.precheck.SecretMask;
import io.cdcrelay.topic.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The precheck against real servers, each failure produced by a really misconfigured one. */
@ExtendWith(RealServers.class)
class PrecheckIT {

    /** The lines of a start's checks; {@code --precheck} adds {@value #SAVED_POSITION} (a start checks it last). */
    private static final List<String> START_CHECKS = List.of("source reachable", "binlog enabled", "binlog format",
            "binlog row image", "selected tables", "source privileges", "server id", "signal table",
            "destination reachable", "topics");
    private static final String SAVED_POSITION = "saved position";
    private static final List<String> CDC_CHECKS = Stream.concat(START_CHECKS.stream(), Stream.of(SAVED_POSITION))
            .toList();

    @Test
    void everyCheckPassesAgainstTheTestServers(Servers servers) throws Exception {
        String db = "it_precheck";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db,
                "CREATE TABLE IF NOT EXISTS " + db + ".orders (id INT PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS " + db + ".customers (id INT PRIMARY KEY)");
        // one topic present with a partition count of its own, one still to be created
        KafkaTopics topics = new KafkaTopics(KafkaTopics.adminProperties(servers.kafka().bootstrapServers(), Map.of()),
                2, (short) 1, true);
        topics.start();
        try {
            topics.partitionsOf("Topic_it_precheck_orders");
        } finally {
            topics.stop();
        }

        PrecheckReport report = precheck(properties(servers, db, 6401));

        assertThat(report.results()).extracting(CheckResult::name).containsExactlyElementsOf(CDC_CHECKS);
        assertThat(line(report, SAVED_POSITION)).startsWith("PASS  saved position: no saved position yet in ")
                .endsWith("offsets-it_precheck.dat");
        assertThat(report.passed()).as(String.join("\n", lines(report))).isTrue();
        assertThat(line(report, "source reachable")).startsWith("PASS  source reachable: 127.0.0.1:"
                + servers.mariaDb().port() + " as relay, server 11.4");
        assertThat(line(report, "signal table")).matches("PASS  signal table: it_precheck\\.cdc_relay_signal "
                + "(created|\\(the user needs SELECT, INSERT and DELETE on it\\))");
        assertThat(line(report, "source privileges")).matches("PASS  source privileges: relay@\\S+ has ALL PRIVILEGES on \\*\\.\\*");
        assertThat(line(report, "selected tables"))
                .isEqualTo("PASS  selected tables: 2 tables in it_precheck: it_precheck.customers, it_precheck.orders");
        assertThat(line(report, "server id")).isEqualTo("PASS  server id: 6401 is neither the source's own server_id "
                + "(1) nor a registered replica's (0 listed); binlog readers that never register, such as other relays, "
                + "cannot be seen");
        assertThat(line(report, "topics")).isEqualTo("PASS  topics: Topic_it_precheck_orders present (2 partitions), "
                + "Topic_it_precheck_customers to be created (3 partitions)");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("validateOnly created nothing")
                    .doesNotContain("Topic_it_precheck_customers");
        }
    }

    @Test
    void aWrongPasswordFailsTheLoginAndSkipsWhatNeedsTheSource(Servers servers) throws Exception {
        String wrong = "wrong-Secret-417";
        Properties p = properties(servers, "it_precheck", 6402);
        p.setProperty("relay.source.password", wrong);

        PrecheckReport report = precheck(p);

        assertThat(line(report, "source reachable")).startsWith("FAIL  source reachable: 127.0.0.1:"
                + servers.mariaDb().port() + " refused user relay: Access denied for user 'relay'@")
                .endsWith("— fix: check relay.source.user and relay.source.password, and that the user may connect "
                        + "from this host");
        assertThat(line(report, "binlog format")).isEqualTo("SKIP  binlog format: not checked (needs the source connection)");
        assertThat(line(report, "topics")).isEqualTo("SKIP  topics: not checked (needs the captured tables)");
        assertThat(line(report, "destination reachable")).startsWith("PASS");
        assertThat(String.join("\n", report.lines(SecretMask.of(p)))).doesNotContain(wrong);
    }

    @Test
    void aMissingDatabaseFailsNamingIt(Servers servers) throws Exception {
        Properties p = properties(servers, "it_precheck_nosuchdb", 6403);

        assertThat(line(precheck(p), "selected tables")).startsWith("FAIL  selected tables: relay.source.databases names "
                + "it_precheck_nosuchdb, which the server does not have (or the user cannot see) — fix: correct "
                + "relay.source.databases; the server has ");
    }

    @Test
    void aUserWithoutReplicationSlaveFailsWithTheGrantThatFixesIt(Servers servers) throws Exception {
        String db = "it_precheck";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db);
        for (String host : List.of("%", "localhost")) {
            servers.sql("DROP USER IF EXISTS 'precheck_low'@'" + host + "'",
                    "CREATE USER 'precheck_low'@'" + host + "' IDENTIFIED BY 'low-Pw-1'",
                    // MariaDB shows REPLICATION CLIENT as BINLOG MONITOR: the check must take it
                    "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION CLIENT ON *.* TO 'precheck_low'@'" + host + "'");
        }
        Properties p = properties(servers, db, 6404);
        p.setProperty("relay.source.user", "precheck_low");
        p.setProperty("relay.source.password", "low-Pw-1");

        assertThat(line(precheck(p), "source privileges")).matches("FAIL  source privileges: precheck_low@(\\S+) lacks "
                + "REPLICATION SLAVE — fix: GRANT REPLICATION SLAVE ON \\*\\.\\* TO 'precheck_low'@'\\1';");

        for (String host : List.of("%", "localhost")) {
            servers.sql("GRANT REPLICATION SLAVE ON *.* TO 'precheck_low'@'" + host + "'");
        }
        PrecheckReport granted = precheck(p);
        assertThat(line(granted, "source privileges")).matches("PASS  source privileges: precheck_low@\\S+ has SELECT, "
                + "RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT");
        // MariaDB 10.5.2+ lists replicas only for REPLICATION MASTER ADMIN: the line says so and still passes
        assertThat(line(granted, "server id")).startsWith("PASS  server id: 6404 is not the source's own "
                + "server_id (1); registered replicas could not be listed (Access denied; you need (at least one of) the "
                + "REPLICATION MASTER ADMIN privilege(s) for this operation)");
    }

    @Test
    void aServerIdThatIsTheSourcesOwnFails(Servers servers) throws Exception {
        assertThat(line(precheck(properties(servers, "it_precheck", 1)), "server id")).isEqualTo("FAIL  server id: "
                + "relay.source.server-id=1 is the source server's own server_id — fix: set relay.source.server-id to a "
                + "number that no server or replica of this replication topology uses");
    }

    @Test
    void aMissingTopicWithoutSyncTypeSchemaFailsNamingTheTopic(Servers servers) throws Exception {
        String db = "it_precheck_noschema";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db, "CREATE TABLE IF NOT EXISTS " + db + ".t (id INT PRIMARY KEY)");
        Properties p = properties(servers, db, 6406);
        p.setProperty("relay.sync-types", "full,incremental");

        assertThat(line(precheck(p), "topics")).isEqualTo("FAIL  topics: Topic_it_precheck_noschema_t does not exist "
                + "and relay.sync-types has no schema — fix: create it, or add schema to relay.sync-types");
    }

    @Test
    void aMirrorOnlyRelayChecksOnlyItsTwoClusters(Servers servers) throws Exception {
        String kafka = servers.kafka().bootstrapServers();
        Properties p = TestRelay.mirrorProperties(kafka, kafka, "it_precheck_mirror", "precheck-mirror",
                servers.dir().resolve("relay-precheck-mirror"));
        p.setProperty("relay.mirror.topic-rule", "backup.#{source_topic_name}");

        PrecheckReport report = precheck(p);

        assertThat(report.results()).extracting(CheckResult::name)
                .containsExactly("mirror source reachable", "mirror destination reachable");
        assertThat(report.passed()).as(String.join("\n", lines(report))).isTrue();
    }

    @Test
    void everyCheckPassesWithRocketMqAsTheDestination(Servers servers, RocketMq rocketMq) throws Exception {
        String db = "it_precheck";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db, "CREATE TABLE IF NOT EXISTS " + db + ".orders (id INT PRIMARY KEY)");
        Properties p = properties(servers, db, 6407);
        p.setProperty("relay.sink", "rocketmq");
        p.setProperty("relay.rocketmq.namesrv-addr", rocketMq.namesrvAddr());
        p.setProperty("relay.source.tables", "it_precheck\\.orders");

        PrecheckReport report = precheck(p);

        assertThat(report.passed()).as(String.join("\n", lines(report))).isTrue();
        assertThat(line(report, "destination reachable")).isEqualTo("PASS  destination reachable: RocketMQ name server at "
                + rocketMq.namesrvAddr() + ", 1 master broker");
        assertThat(line(report, "topics")).isEqualTo("PASS  topics: Topic_it_precheck_orders to be created (3 queues on 1 "
                + "master broker)");
    }

    @Test
    void withTheStateInKafkaMissingStateTopicsAreToBeCreatedAndTheCheckCreatesNothing(Servers servers) throws Exception {
        String db = "it_precheck";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db, "CREATE TABLE IF NOT EXISTS " + db + ".orders (id INT PRIMARY KEY)");
        Properties p = properties(servers, db, 6411);
        p.setProperty("relay.state.store", "kafka");
        p.setProperty("relay.source.name", "it_precheck_state_new");

        PrecheckReport report = precheck(p);

        assertThat(report.results()).extracting(CheckResult::name).containsExactlyElementsOf(
                java.util.stream.Stream.concat(START_CHECKS.stream(), java.util.stream.Stream.of("state topics",
                        SAVED_POSITION)).toList());
        assertThat(report.passed()).as(String.join("\n", lines(report))).isTrue();
        assertThat(line(report, "state topics")).isEqualTo("PASS  state topics: it_precheck_state_new.offsets to be "
                + "created (1 partition, compacted, replication factor 1), it_precheck_state_new.schema-history to be "
                + "created (1 partition, kept forever, replication factor 1)");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("validateOnly created nothing")
                    .doesNotContain("it_precheck_state_new.offsets", "it_precheck_state_new.schema-history");
        }
    }

    @Test
    void anExistingOffsetsTopicThatIsNotCompactedFailsNamingTheTopicWhatIsWrongAndTheFix(Servers servers)
            throws Exception {
        String kafka = servers.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic("it_precheck_state_bad.offsets", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get();
        }
        Properties p = properties(servers, "it_precheck", 6412);
        p.setProperty("relay.state.store", "kafka");
        p.setProperty("relay.source.name", "it_precheck_state_bad");

        PrecheckReport report = precheck(p);

        assertThat(report.passed()).isFalse();
        assertThat(line(report, "state topics")).isEqualTo("FAIL  state topics: it_precheck_state_bad.offsets has "
                + "cleanup.policy=delete, but the offsets need compact (only) — fix: set it with kafka-configs.sh "
                + "--bootstrap-server " + kafka + " --alter --entity-type topics --entity-name "
                + "it_precheck_state_bad.offsets --add-config cleanup.policy=compact, or name another topic in "
                + "relay.state.kafka.offsets-topic");
    }

    @Test
    void withARocketMqDestinationTheStateClusterIsCheckedOnItsOwn(Servers servers, RocketMq rocketMq) throws Exception {
        String db = "it_precheck";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db, "CREATE TABLE IF NOT EXISTS " + db + ".orders (id INT PRIMARY KEY)");
        Properties p = properties(servers, db, 6413);
        p.setProperty("relay.sink", "rocketmq");
        p.setProperty("relay.rocketmq.namesrv-addr", rocketMq.namesrvAddr());
        p.remove("relay.kafka.bootstrap-servers");
        p.setProperty("relay.state.store", "kafka");
        p.setProperty("relay.state.kafka.bootstrap-servers", servers.kafka().bootstrapServers());
        p.setProperty("relay.source.name", "it_precheck_state_rmq");

        PrecheckReport report = precheck(p);

        assertThat(report.passed()).as(String.join("\n", lines(report))).isTrue();
        assertThat(line(report, "state cluster reachable")).startsWith("PASS  state cluster reachable: Kafka at "
                + servers.kafka().bootstrapServers() + ", cluster ");
        assertThat(line(report, "state topics")).startsWith("PASS  state topics: it_precheck_state_rmq.offsets to be "
                + "created");
    }

    @Test
    void thePrecheckOptionOfTheProductionJarExitsZeroWithEveryLinePass(Servers servers) throws Exception {
        String db = "it_precheck";
        servers.sql("CREATE DATABASE IF NOT EXISTS " + db, "CREATE TABLE IF NOT EXISTS " + db + ".orders (id INT PRIMARY KEY)");
        Jar run = runJar(servers, properties(servers, db, 6408), List.of("--precheck"), "precheck-pass");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().toList()).hasSize(CDC_CHECKS.size()).allMatch(l -> l.startsWith("PASS  "));
    }

    /**
     * Through the production jar, so the whole output is seen, logs included: the password never appears,
     * and a closed Kafka port is one FAIL line after its 10 s, not a client WARN per reconnect.
     */
    @Test
    void aNormalStartWithAWrongPasswordAndAClosedKafkaPortStopsWithExitCode3AndOnlyItsLines(Servers servers)
            throws Exception {
        String wrong = "wrong-Secret-418";
        Properties p = properties(servers, "it_precheck", 6409);
        p.setProperty("relay.source.password", wrong);
        int closed = FreePort.pick();
        p.setProperty("relay.kafka.bootstrap-servers", "127.0.0.1:" + closed);

        Jar run = runJar(servers, p, List.of(), "precheck-failing-start");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(Precheck.FAILED_EXIT_CODE);
        assertThat(run.output()).doesNotContain(wrong);
        List<String> lines = run.output().lines().toList();
        assertThat(lines).as(run.output()).hasSize(START_CHECKS.size() + 1)
                .allMatch(l -> l.matches("(PASS|FAIL|SKIP)  .*|cdc-relay: .*"));
        assertThat(lines).contains("FAIL  destination reachable: Kafka at 127.0.0.1:" + closed + " did not answer "
                + "within 10 s — fix: check relay.kafka.bootstrap-servers, that the brokers run and this host reaches "
                + "them, and the security settings in relay.kafka.producer.*",
                "SKIP  topics: not checked (needs the destination)",
                "cdc-relay: not started: 2 of 10 checks failed; the FAIL lines say how to fix them.");
        assertThat(lines.get(0)).startsWith("FAIL  source reachable: 127.0.0.1:" + servers.mariaDb().port()
                + " refused user relay: Access denied");
    }

    /** A private server the relay cannot read: binlog off, STATEMENT format, MINIMAL row images. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstAServerWithoutTheBinlogTheRelayNeeds {

        private EmbeddedMariaDb server;

        @BeforeAll
        void start(Servers servers) throws Exception {
            Path dir = servers.dir().resolve("mariadb-precheck");
            Directories.deleteRecursively(dir);
            server = EmbeddedMariaDb.start(dir, FreePort.pick(), List.of("--binlog-format=STATEMENT",
                    "--binlog-row-image=MINIMAL"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void aServerWithoutTheBinlogFailsWithTheFix(Servers servers) throws Exception {
            assertThat(line(precheck(privateServer(servers)), "binlog enabled")).isEqualTo("FAIL  binlog enabled: "
                    + "log_bin is OFF — fix: start the server with the binlog on (log_bin=mysql-bin under [mysqld] in its "
                    + "configuration) and restart it");
        }

        @Test
        void statementFormatAndMinimalRowImagesFailWithTheFix(Servers servers) throws Exception {
            PrecheckReport report = precheck(privateServer(servers));
            assertThat(line(report, "binlog format")).isEqualTo("FAIL  binlog format: STATEMENT — fix: set "
                    + "binlog_format=ROW in the server's configuration and restart it");
            assertThat(line(report, "binlog row image")).isEqualTo("FAIL  binlog row image: MINIMAL — fix: set "
                    + "binlog_row_image=FULL in the server's configuration and restart it");
        }

        private Properties privateServer(Servers servers) throws Exception {
            Properties p = properties(servers, "unused", 6410);
            p.setProperty("relay.source.port", String.valueOf(server.port()));
            p.remove("relay.source.databases");
            return p;
        }
    }

    private static Properties properties(Servers servers, String db, long serverId) throws Exception {
        Path dataDir = servers.dir().resolve("relay-precheck-" + serverId);
        Directories.deleteRecursively(dataDir);
        return TestRelay.properties(servers, db, dataDir, serverId);
    }

    private static PrecheckReport precheck(Properties p) {
        PrecheckReport report = new Precheck(RelaySettings.from(p)).run();
        // in target/failsafe-reports/*-output.txt: what a user would have seen
        lines(report).forEach(System.out::println);
        return report;
    }

    private static List<String> lines(PrecheckReport report) {
        return report.results().stream().map(CheckResult::line).toList();
    }

    private static String line(PrecheckReport report, String name) {
        return report.results().stream().filter(r -> r.name().equals(name)).map(CheckResult::line).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + name + " in " + lines(report)));
    }

    private record Jar(int exitCode, String output) {
    }

    private static Jar runJar(Servers servers, Properties p, List<String> arguments, String name) throws Exception {
        File log = servers.dir().resolve(name + ".log").toFile();
        Files.deleteIfExists(log.toPath());
        Process process = RelayProcess.start(p, log, arguments);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar stopped on its own").isTrue();
        return new Jar(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }
}
