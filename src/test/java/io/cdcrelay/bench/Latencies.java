package io.cdcrelay.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latencies in milliseconds of one competitor of {@link PipelineBenchmark}, and their percentiles.
 * The bare Debezium route (in its own JVM) and the harness's reader of the relay's destination both record
 * into this class, so both sides' figures come from the same arithmetic; the bare route sends its summary
 * as one line that {@link #parse(String)} reads back.
 */
final class Latencies {

    private static final Pattern LINE = Pattern.compile(
            "n=(\\d+) p50=(-?\\d+) p90=(-?\\d+) p99=(-?\\d+) max=(-?\\d+)");

    /** Percentiles by nearest rank; all zero when nothing was recorded. */
    record Summary(long count, long p50, long p90, long p99, long max) {

        /** {@code n=… p50=… p90=… p99=… max=…}, the form {@link #parse(String)} reads. */
        String line() {
            return String.format(Locale.ROOT, "n=%d p50=%d p90=%d p99=%d max=%d", count, p50, p90, p99, max);
        }
    }

    private long[] values = new long[1 << 16];
    private int size;

    synchronized void record(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    synchronized Summary summary() {
        if (size == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[size - 1]);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    /** The summary in {@code text} written by {@link Summary#line()}. */
    static Summary parse(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no latency summary in: " + text);
        }
        return new Summary(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
    }
}
