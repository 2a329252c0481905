package io.cdcrelay.bench;

import java.util.List;

/**
 * The command line of {@code bench/pipeline.sh}, read once and checked, so that a typo stops the benchmark
 * before minutes of server start-up rather than after.
 *
 * @param rule           {@code relay.partitioning}: {@code hash} or {@code one} (which turns Debezium's
 *                       transaction metadata on, for the relay and the bare route alike)
 * @param sink           {@code relay.sink}: {@code kafka} or {@code rocketmq}
 * @param rows           rows committed before each catch-up round
 * @param rounds         catch-up rounds; each competitor catches up once per round
 * @param latencySeconds how long the paced writer runs in the latency phase
 * @param only           {@code throughput}, {@code latency} (cold and warm), {@code cold}, or null for all
 * @param connect        whether Kafka Connect + Debezium catches up too (Kafka sink only)
 * @param floor          whether the floor (the bare route rendering and sending each change) catches up too
 *                       (Kafka sink only)
 */
record PipelineOptions(String rule, String sink, int rows, int rounds, int latencySeconds, String only,
        boolean connect, boolean floor) {

    static final String USAGE = "usage: bench/pipeline.sh [--rule=hash|one] [--sink=kafka|rocketmq] [--rows=500000]"
            + " [--rounds=3] [--latency-seconds=30] [--only=throughput|latency|cold] [--connect=on|off]"
            + " [--floor=on|off]";

    /** Rows per second the paced writer of the latency phase is asked for. */
    static final int LATENCY_RATE = 5_000;

    static PipelineOptions parse(String[] args) {
        String rule = "hash";
        String sink = "kafka";
        int rows = 500_000;
        int rounds = 3;
        int latencySeconds = 30;
        String only = null;
        boolean connect = true;
        boolean floor = true;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (key) {
                case "--rule" -> rule = oneOf(key, value, List.of("hash", "one"), USAGE);
                case "--sink" -> sink = oneOf(key, value, List.of("kafka", "rocketmq"), USAGE);
                case "--rows" -> rows = positive(key, value, USAGE);
                case "--rounds" -> rounds = positive(key, value, USAGE);
                case "--latency-seconds" -> latencySeconds = positive(key, value, USAGE);
                case "--only" -> only = oneOf(key, value, List.of("throughput", "latency", "cold"), USAGE);
                case "--connect" -> connect = oneOf(key, value, List.of("on", "off"), USAGE).equals("on");
                case "--floor" -> floor = oneOf(key, value, List.of("on", "off"), USAGE).equals("on");
                default -> throw new IllegalArgumentException(arg + " is not an option. " + USAGE);
            }
        }
        return new PipelineOptions(rule, sink, rows, rounds, latencySeconds, only, connect, floor);
    }

    boolean throughput() {
        return only == null || only.equals("throughput");
    }

    /** Whether the warm latency phase runs. */
    boolean latency() {
        return only == null || only.equals("latency");
    }

    /** Whether the cold latency phase runs. */
    boolean cold() {
        return latency() || only.equals("cold");
    }

    static String oneOf(String key, String value, List<String> allowed, String usage) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(key + "=" + value + ": use one of " + allowed + ". " + usage);
        }
        return value;
    }

    static int positive(String key, String value, String usage) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the sentence below says it
        }
        throw new IllegalArgumentException(key + "=" + value + " is not a positive whole number. " + usage);
    }
}
