package io.cdcrelay.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The relay as users run it, {@code java -Xmx512m -D… -jar cdc-relay.jar} (the heap the acceptance runs use), as
 * a {@link Competitor}. A change counts once its destination holds it ({@link PolledRun}).
 */
final class RelayCompetitor implements Competitor {

    private final String name;
    private final Path jar;
    private final Properties settings;
    private final DestinationCount destination;
    private final File log;

    /**
     * @param jar         a copy of the production jar
     * @param settings    the relay's {@code relay.*} settings, passed as {@code -D}
     * @param destination the count of the relay's topic in its destination
     */
    RelayCompetitor(Path jar, Properties settings, DestinationCount destination, File log) {
        this("relay", jar, settings, destination, log);
    }

    /** @param name what the figures call it */
    RelayCompetitor(String name, Path jar, Properties settings, DestinationCount destination, File log) {
        this.name = name;
        this.jar = jar;
        this.settings = settings;
        this.destination = destination;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Run start(long expected) throws Exception {
        long base = destination.stored();
        List<String> arguments = new ArrayList<>(List.of("-Xmx512m"));
        arguments.addAll(extraJvmOptions());
        arguments.addAll(JavaProcesses.systemProperties(settings));
        arguments.addAll(List.of("-jar", jar.toString()));
        long started = System.currentTimeMillis();
        Process process = JavaProcesses.start(arguments, log, false);
        return new PolledRun(name, process, destination, base, expected, started, log);
    }

    /**
     * BENCH_RELAY_JVM_OPTIONS, split at spaces: options for the relay's JVM only, for instance a flight recording
     * ({@code -XX:StartFlightRecording=filename=target/relay-%p.jfr,settings=profile}) of one competitor.
     */
    private static List<String> extraJvmOptions() {
        String options = System.getenv().getOrDefault("BENCH_RELAY_JVM_OPTIONS", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** SIGTERM, then SIGKILL after 15 s ({@link MirrorProcesses#stop}), keeping the caller's interrupt. */
    static void stop(Process process) {
        try {
            MirrorProcesses.stop(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
