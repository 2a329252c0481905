package io.cdcrelay.bench;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The relay as users run it, {@code java -Xmx512m -D… -jar cdc-relay.jar} (the heap the acceptance runs use), as a {@link Competitor}. A change
 * counts once its destination holds it: the destination's message count is polled every 100 ms, from what it
 * held when the JVM started, so the first and last times are known to within one poll.
 */
final class RelayCompetitor implements Competitor {

    private static final long POLL_MILLIS = 100;

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
        return new RelayRun(process, base, expected, started);
    }

    /**
     * BENCH_RELAY_JVM_OPTIONS, split at spaces: options for the relay's JVM only, for instance a flight recording
     * ({@code -XX:StartFlightRecording=filename=target/relay-%p.jfr,settings=profile}) of one competitor.
     */
    private static List<String> extraJvmOptions() {
        String options = System.getenv().getOrDefault("BENCH_RELAY_JVM_OPTIONS", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private final class RelayRun implements Run {

        private final Process process;
        private final long base;
        private final long expected;
        private final long started;

        RelayRun(Process process, long base, long expected, long started) {
            this.process = process;
            this.base = base;
            this.expected = expected;
            this.started = started;
        }

        @Override
        public Span awaitExpected(Duration timeout) throws Exception {
            long first = -1;
            long cpuAtFirst = -1;
            long deadline = started + timeout.toMillis();
            long next = System.currentTimeMillis();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the relay exited with code " + process.exitValue()
                            + " after " + counted() + " of " + expected + " changes; see " + log);
                }
                long counted = counted();
                long now = System.currentTimeMillis();
                if (counted > 0 && first < 0) {
                    first = now;
                    cpuAtFirst = ProcessCpu.millis(process.pid());
                }
                if (counted >= expected) {
                    return new Span(expected, started, first, now, cpuAtFirst, ProcessCpu.millis(process.pid()));
                }
                if (now > deadline) {
                    throw new IllegalStateException(String.format("the relay delivered %,d of %,d changes in %d s;"
                            + " see %s", counted, expected, timeout.toSeconds(), log));
                }
                next += POLL_MILLIS;
                long sleep = next - System.currentTimeMillis();
                if (sleep > 0) {
                    TimeUnit.MILLISECONDS.sleep(sleep);
                }
            }
        }

        @Override
        public long counted() {
            return destination.stored() - base;
        }

        @Override
        public long peakRssKb() {
            return MirrorProcesses.peakRssKb(process);
        }

        @Override
        public void close() {
            stop(process);
        }
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
