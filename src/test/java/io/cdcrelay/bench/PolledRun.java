package io.cdcrelay.bench;

import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A competitor's JVM whose changes count once its destination holds them (the relay, Kafka Connect): the
 * destination's message count is polled every 100 ms, from what it held when the JVM started, so the first and
 * last times are known to within one poll.
 */
final class PolledRun implements Competitor.Run {

    private static final long POLL_MILLIS = 100;

    private final String name;
    private final Process process;
    private final DestinationCount destination;
    private final long base;
    private final long expected;
    private final long started;
    private final File log;

    /**
     * @param base    what the destination held before the JVM started
     * @param started when the JVM was started, epoch ms
     */
    PolledRun(String name, Process process, DestinationCount destination, long base, long expected, long started,
            File log) {
        this.name = name;
        this.process = process;
        this.destination = destination;
        this.base = base;
        this.expected = expected;
        this.started = started;
        this.log = log;
    }

    @Override
    public Competitor.Span awaitExpected(Duration timeout) throws Exception {
        long first = -1;
        long cpuAtFirst = -1;
        long deadline = started + timeout.toMillis();
        long next = System.currentTimeMillis();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " after "
                        + counted() + " of " + expected + " changes; see " + log);
            }
            long counted = counted();
            long now = System.currentTimeMillis();
            if (counted > 0 && first < 0) {
                first = now;
                cpuAtFirst = ProcessCpu.millis(process.pid());
            }
            if (counted >= expected) {
                return new Competitor.Span(expected, started, first, now, cpuAtFirst, ProcessCpu.millis(process.pid()));
            }
            if (now > deadline) {
                throw new IllegalStateException(String.format("%s delivered %,d of %,d changes in %d s; see %s",
                        name, counted, expected, timeout.toSeconds(), log));
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
    public Process process() {
        return process;
    }
}
