package io.cdcrelay.bench;

import java.time.Duration;

/**
 * One side of {@link PipelineBenchmark} (the relay's production jar, or the bare Debezium route), started as
 * its own JVM for each measurement, so each catches up from the offset it saved the last time it was stopped.
 * The two count differently (the relay's changes are read from its destination, the bare route counts its
 * own), which this interface hides from the rounds that compare them.
 */
interface Competitor {

    String name();

    /** Starts the JVM; it counts changes from zero and notes when it has counted {@code expected}. */
    Run start(long expected) throws Exception;

    /** A started competitor; closing it stops the JVM (SIGTERM, then SIGKILL after a timeout). */
    interface Run extends AutoCloseable {

        /**
         * Waits until {@code expected} changes were counted since the start.
         *
         * @throws IllegalStateException when the JVM exits first or {@code timeout} passes
         */
        Span awaitExpected(Duration timeout) throws Exception;

        /** Changes counted since the start, as far as known now (the bare route tells once a second). */
        long counted();

        /** The competitor's JVM. */
        Process process();

        /** Peak resident set (VmHWM) of the JVM in kB, or -1 where /proc does not tell. */
        default long peakRssKb() {
            return MirrorProcesses.peakRssKb(process());
        }

        /** CPU time the JVM used so far, in ms, or -1 where /proc does not tell. */
        default long cpuMillis() {
            return ProcessCpu.millis(process().pid());
        }

        @Override
        default void close() {
            RelayCompetitor.stop(process());
        }
    }

    /**
     * Wall-clock times (epoch ms) of one catch-up: the JVM's start, the first counted change and the
     * {@code expected}-th; and the CPU time (ms, -1 when unknown) the JVM had used when the harness saw the
     * first change and the last.
     */
    record Span(long expected, long startedMillis, long firstMillis, long reachedMillis, long cpuAtFirstMillis,
                long cpuAtReachedMillis) {

        /** CPU the JVM spent from its first change to its last, per change, in microseconds; -1 when unknown. */
        double cpuMicrosPerChange() {
            return cpuAtFirstMillis < 0 || cpuAtReachedMillis < 0 ? -1
                    : (cpuAtReachedMillis - cpuAtFirstMillis) * 1e3 / expected;
        }

        /** Cores the JVM kept busy on average from its first change to its last. */
        double coresBusy() {
            return cpuAtFirstMillis < 0 || cpuAtReachedMillis < 0 ? -1
                    : (cpuAtReachedMillis - cpuAtFirstMillis) / 1e3 / seconds();
        }

        /** From the first change to the last; one 100 ms poll at least, the resolution of the relay's count. */
        double seconds() {
            return Math.max(reachedMillis - firstMillis, 100) / 1e3;
        }

        double rate() {
            return expected / seconds();
        }

        double startToFirstSeconds() {
            return (firstMillis - startedMillis) / 1e3;
        }
    }
}
