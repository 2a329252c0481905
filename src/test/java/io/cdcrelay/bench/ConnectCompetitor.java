package io.cdcrelay.bench;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.config.PropertySources;
import io.cdcrelay.config.RelaySettings;

/**
 * Kafka Connect standalone running Debezium's MariaDB connector, the peer a user would pick instead of the relay,
 * as a {@link Competitor}: {@code java -Xmx512m -cp target/connect-lib/* ConnectStandalone worker connector}.
 * The connector gets the Debezium configuration the relay gives its engine (same snapshot mode, value
 * representations, transaction metadata, poll interval), so the connector does the same work in both; what
 * differs is what runs after it. The worker is as users run it: {@code JsonConverter} with schemas off, Connect's
 * producer defaults, offsets in a file flushed every second. Its changes count once the broker holds them in
 * Debezium's own topic, {@code <relay.source.name>.<database>.<table>} ({@link PolledRun}).
 */
final class ConnectCompetitor implements Competitor {

    private static final String STANDALONE = "org.apache.kafka.connect.cli.ConnectStandalone";

    /** Keys of the relay's engine that are the embedded engine's own, not the connector's. */
    private static final List<String> ENGINE_ONLY = List.of("offset.", "internal.", "key.converter",
            "value.converter", "header.converter", "errors.", "record.processing.");

    private final Path worker;
    private final Path connector;
    private final Path log4j;
    private final DestinationCount destination;
    private final File log;

    private ConnectCompetitor(Path worker, Path connector, Path log4j, DestinationCount destination, File log) {
        this.worker = worker;
        this.connector = connector;
        this.log4j = log4j;
        this.destination = destination;
        this.log = log;
    }

    /**
     * Writes the worker's, the connector's and the logging configuration into {@code dir}.
     *
     * @param settings    the competitor's {@code relay.*} settings (its own server id and data folder)
     * @param destination the count of {@link #topic}
     */
    static ConnectCompetitor create(Properties settings, String bootstrap, Path dir, DestinationCount destination,
            File log) throws IOException {
        Files.createDirectories(dir);
        // the relay's layering (bundled defaults, then these settings), as the relay and the bare route read them
        RelaySettings relay = RelaySettings.from(new PropertySources(new Properties(), Map.of(), settings)
                .load(Optional.empty()));
        Properties worker = new Properties();
        worker.setProperty("bootstrap.servers", bootstrap);
        worker.setProperty("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.setProperty("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.setProperty("key.converter.schemas.enable", "false");
        worker.setProperty("value.converter.schemas.enable", "false");
        worker.setProperty("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        worker.setProperty("offset.flush.interval.ms", "1000");
        worker.setProperty("listeners", "http://127.0.0.1:0");
        Path workerFile = write(worker, dir.resolve("worker.properties"));
        Path connectorFile = write(connectorProperties(relay, dir), dir.resolve("connector.properties"));
        // Connect's log goes to its standard output, which JavaProcesses appends to the competitor's log
        Path log4j = Files.writeString(dir.resolve("log4j2.properties"), "rootLogger.level=INFO\n"
                + "rootLogger.appenderRef.out.ref=out\nappender.out.type=Console\nappender.out.name=out\n"
                + "appender.out.layout.type=PatternLayout\n"
                + "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5level %-24.24c{1} %msg%n\n");
        return new ConnectCompetitor(workerFile, connectorFile, log4j.toAbsolutePath(), destination, log);
    }

    /** Debezium's topic for the bench table: {@code <topic.prefix>.<database>.<table>}. */
    static String topic(String sourceName, String database, String table) {
        return sourceName + "." + database + "." + table;
    }

    private static Properties connectorProperties(RelaySettings relay, Path dir) {
        Properties engine = DebeziumSourceConfiguration.engineProperties(DebeziumSourceConfiguration.of(
                relay.capture().orElseThrow().source(), relay.dataDir(), relay.state(), relay.syncTypes(), false,
                relay.delivery(), Optional.empty()));
        Properties connector = new Properties();
        engine.stringPropertyNames().stream().filter(k -> ENGINE_ONLY.stream().noneMatch(k::startsWith))
                .forEach(k -> connector.setProperty(k, engine.getProperty(k)));
        connector.setProperty("name", "bench-connect");
        connector.setProperty("tasks.max", "1");
        // the relay's history class repairs its file; Connect has Debezium's own
        connector.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        connector.setProperty("schema.history.internal.file.filename", dir.resolve("schema-history.dat").toString());
        // the broker creates no topic by itself: Connect creates Debezium's, partitioned as the relay's
        connector.setProperty("topic.creation.default.replication.factor", "1");
        connector.setProperty("topic.creation.default.partitions", String.valueOf(relay.topics().partitions()));
        return connector;
    }

    private static Path write(Properties properties, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by ConnectCompetitor");
        }
        return file;
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public Run start(long expected) throws Exception {
        long base = destination.stored();
        Path lib = connectLib();
        List<String> arguments = List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", lib + File.separator + "*", STANDALONE, worker.toString(), connector.toString());
        long started = System.currentTimeMillis();
        Process process = JavaProcesses.start(arguments, log, false);
        return new PolledRun(name(), process, destination, base, expected, started, log);
    }

    /** Connect's class path, {@code target/connect-lib}, which bench/pipeline.sh fills from bench/connect/pom.xml. */
    static Path connectLib() {
        Path lib = Path.of(System.getProperty("connect.lib", "target/connect-lib")).toAbsolutePath();
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " does not exist: bench/pipeline.sh copies Kafka Connect and"
                    + " Debezium's connector there (mvn -f bench/connect/pom.xml dependency:copy-dependencies)");
        }
        return lib;
    }
}
