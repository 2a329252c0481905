package io.cdcrelay.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The two mirrors of {@link MirrorThroughputBenchmark}, each started as its own JVM: Kafka's MirrorMaker 2
 * in dedicated mode from {@code target/mm2-lib} (kept off the project's class path: its connect-runtime 3.9.1
 * clashes with Debezium's 4.1.1), and the relay from its production jar.
 */
final class MirrorProcesses {

    private MirrorProcesses() {
    }

    /**
     * {@code java -cp target/mm2-lib/* org.apache.kafka.connect.mirror.MirrorMaker mm2.properties}: src->dst
     * for {@code topic} only, from the earliest offset, into {@code src.<topic>} (the default replication
     * policy). One broker per cluster, so every topic MM2 creates gets replication factor 1; what the
     * measurement does not need (heartbeats, checkpoints, topic config and ACL sync) is off.
     */
    static Process startMm2(Path dir, String source, String destination, String topic, File log) throws IOException {
        Path lib = mm2Lib();
        Files.createDirectories(dir);
        Path config = dir.resolve("mm2.properties");
        Files.writeString(config, String.join("\n",
                "clusters = src, dst",
                "src.bootstrap.servers = " + source,
                "dst.bootstrap.servers = " + destination,
                "src->dst.enabled = true",
                "src->dst.topics = " + topic,
                "src->dst.consumer.auto.offset.reset = earliest",
                "dst->src.enabled = false",
                // without this, MM2 also runs a dst->src herder for heartbeats
                "emit.heartbeats.enabled = false",
                // MM2 then logs an ERROR that MirrorCheckpointConnector can't run: expected, nothing else is off
                "emit.checkpoints.enabled = false",
                "sync.group.offsets.enabled = false",
                "refresh.groups.enabled = false",
                "sync.topic.configs.enabled = false",
                "sync.topic.acls.enabled = false",
                // the remote topic, MM2's own topics and the Connect worker's internal topics
                "replication.factor = 1",
                "offset-syncs.topic.replication.factor = 1",
                "checkpoints.topic.replication.factor = 1",
                "heartbeats.topic.replication.factor = 1",
                "offset.storage.replication.factor = 1",
                "config.storage.replication.factor = 1",
                "status.storage.replication.factor = 1",
                ""));
        Path log4j = dir.resolve("log4j.properties");
        Files.writeString(log4j, String.join("\n",
                "log4j.rootLogger=INFO, stdout",
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
                ""));
        return start(List.of("-Xmx1g", "-Dlog4j.configuration=" + log4j.toUri(), "-cp", lib + File.separator + "*",
                "org.apache.kafka.connect.mirror.MirrorMaker", config.toString()), log);
    }

    /** MirrorMaker 2's class path, {@code target/mm2-lib}, which bench/mirror.sh fills. */
    static Path mm2Lib() {
        Path lib = Path.of(System.getProperty("mm2.lib", "target/mm2-lib")).toAbsolutePath();
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: run bench/mirror.sh, which fetches MirrorMaker 2 there");
        }
        return lib;
    }

    /**
     * A copy of {@code target/cdc-relay.jar} in {@code dir}, taken when the benchmark starts: a build run
     * meanwhile in the same working tree would otherwise replace or delete the jar minutes before the relay runs.
     */
    static Path stageRelayJar(Path dir) throws IOException {
        Path jar = Path.of(System.getProperty("cdcrelay.jar", "target/cdc-relay.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run bench/mirror.sh or bench/pipeline.sh, which build"
                    + " it");
        }
        return Files.copy(jar, dir.resolve("cdc-relay.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code java -Xmx1g -D<properties> -jar cdc-relay.jar}, as users run it. */
    static Process startRelay(Path jar, Properties properties, File log) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-Xmx1g"));
        properties.stringPropertyNames().stream().sorted()
                .forEach(k -> arguments.add("-D" + k + "=" + properties.getProperty(k)));
        arguments.addAll(List.of("-jar", jar.toString()));
        return start(arguments, log);
    }

    private static Process start(List<String> arguments, File log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        // a benchmark stopped with Ctrl-C must not leave a mirror running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    /** The process's peak resident set (VmHWM) in kB, or -1 where /proc does not tell. */
    static long peakRssKb(Process process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** SIGTERM, then SIGKILL after 15 s. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
