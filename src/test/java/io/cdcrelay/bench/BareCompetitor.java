package io.cdcrelay.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link BareDebeziumRoute} as a {@link Competitor}: {@code java -Xmx512m -cp <the benchmark's class path>}, with
 * the relay's {@code relay.*} settings as {@code -D}. It counts its own changes; this class reads the
 * {@code BARE …} lines of its standard output (copying them to its log) and asks it for its latency summary
 * through its standard input. The first and last times are the route's own clock readings.
 */
final class BareCompetitor implements Competitor {

    private static final Pattern TICK = Pattern.compile("^BARE t=(\\d+) changes=(\\d+) latencies=(\\d+)");
    private static final Pattern FIRST = Pattern.compile("^BARE first t=(\\d+)");
    private static final Pattern REACHED = Pattern.compile("^BARE reached changes=(\\d+) t=(\\d+)");

    private final Properties settings;
    private final File log;
    private final String floorTopic;

    /** The bare route, counting only. */
    BareCompetitor(Properties settings, File log) {
        this(settings, log, null);
    }

    /** @param floorTopic null for the bare route, else the topic the floor competitor sends to */
    private BareCompetitor(Properties settings, File log, String floorTopic) {
        this.settings = settings;
        this.log = log;
        this.floorTopic = floorTopic;
    }

    /** The floor: the bare route rendering and sending each change to {@code topic}, counted when acknowledged. */
    static BareCompetitor floor(Properties settings, File log, String topic) {
        return new BareCompetitor(settings, log, topic);
    }

    @Override
    public String name() {
        return floorTopic == null ? "bare" : "floor";
    }

    @Override
    public BareRun start(long expected) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-Xmx512m",
                "-Dlog4j2.configurationFile=" + BareCompetitor.class.getResource("/bench/bare-log4j2.properties"),
                "-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager",
                "-Dbench.expect=" + expected));
        if (floorTopic != null) {
            arguments.add("-Dbench.floor=" + floorTopic);
        }
        arguments.addAll(JavaProcesses.systemProperties(settings));
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), BareDebeziumRoute.class.getName()));
        long started = System.currentTimeMillis();
        Process process = JavaProcesses.start(arguments, log, true);
        BareRun run = new BareRun(process, expected, started);
        Thread reader = new Thread(run::readLines, "bare-stdout");
        reader.setDaemon(true);
        reader.start();
        return run;
    }

    final class BareRun implements Run {

        private final Process process;
        private final long expected;
        private final long started;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final BlockingQueue<String> latencyLines = new LinkedBlockingQueue<>();
        private volatile long first = -1;
        private volatile long cpuAtFirst = -1;
        private volatile long cpuAtReached = -1;
        private volatile long reachedAt = -1;
        private volatile long changes;
        private volatile long latencies;

        BareRun(Process process, long expected, long started) {
            this.process = process;
            this.expected = expected;
            this.started = started;
        }

        private void readLines() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); Writer copy = new FileWriter(log, StandardCharsets.UTF_8, true)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    copy.write(line + "\n");
                    copy.flush();
                    parse(line);
                }
            } catch (IOException e) {
                // the process is gone; awaitExpected says so
            }
        }

        private void parse(String line) {
            Matcher m;
            if ((m = TICK.matcher(line)).find()) {
                changes = Long.parseLong(m.group(2));
                latencies = Long.parseLong(m.group(3));
            } else if ((m = FIRST.matcher(line)).find()) {
                first = Long.parseLong(m.group(1));
                cpuAtFirst = ProcessCpu.millis(process.pid());
            } else if ((m = REACHED.matcher(line)).find()) {
                changes = Math.max(changes, Long.parseLong(m.group(1)));
                reachedAt = Long.parseLong(m.group(2));
                cpuAtReached = ProcessCpu.millis(process.pid());
                reached.countDown();
            } else if (line.startsWith("BARE latency ")) {
                latencyLines.add(line);
            }
        }

        @Override
        public Span awaitExpected(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached.await(200, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the " + name() + " route exited with code "
                            + process.exitValue() + " after " + changes + " of " + expected + " changes; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format("the %s route counted %,d of %,d changes in"
                            + " %d s; see %s", name(), changes, expected, timeout.toSeconds(), log));
                }
            }
            return new Span(expected, started, first, reachedAt, cpuAtFirst, cpuAtReached);
        }

        @Override
        public long counted() {
            return changes;
        }

        /** Latencies recorded so far, as of the route's last once-a-second line. */
        long latencies() {
            return latencies;
        }

        /** Asks the route for its latency summary and waits for the answer. */
        Latencies.Summary latencySummary(Duration timeout) throws Exception {
            process.getOutputStream().write("latency\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            String line = latencyLines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("the bare route gave no latency summary in " + timeout.toSeconds()
                        + " s; see " + log);
            }
            return Latencies.parse(line);
        }

        @Override
        public Process process() {
            return process;
        }
    }
}
