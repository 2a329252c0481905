package io.cdcrelay.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bench/snapshot.sh}, checked before any server starts.
 *
 * @param rows     rows in the table both competitors snapshot
 * @param rounds   snapshots per competitor
 * @param rule     {@code relay.partitioning}
 * @param debezium Debezium properties for both competitors ({@code --debezium.snapshot.fetch.size=10000}
 *                 becomes {@code relay.source.debezium.snapshot.fetch.size}), to compare snapshot settings
 */
record SnapshotOptions(int rows, int rounds, String rule, Map<String, String> debezium) {

    static final String USAGE = "usage: bench/snapshot.sh [--rows=1000000] [--rounds=3] [--rule=hash|one]"
            + " [--debezium.<property>=<value>...]";

    static SnapshotOptions parse(String[] args) {
        int rows = 1_000_000;
        int rounds = 3;
        String rule = "hash";
        Map<String, String> debezium = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            if (key.startsWith("--debezium.") && eq > 0) {
                debezium.put(key.substring("--debezium.".length()), value);
                continue;
            }
            switch (key) {
                case "--rows" -> rows = PipelineOptions.positive(key, value, USAGE);
                case "--rounds" -> rounds = PipelineOptions.positive(key, value, USAGE);
                case "--rule" -> rule = PipelineOptions.oneOf(key, value, List.of("hash", "one"), USAGE);
                default -> throw new IllegalArgumentException(arg + " is not an option. " + USAGE);
            }
        }
        return new SnapshotOptions(rows, rounds, rule, debezium);
    }

    /** The shared settings' view: the pipeline's options with this rule and the Kafka sink. */
    PipelineOptions pipeline() {
        return new PipelineOptions(rule, "kafka", rows, rounds, 1, "throughput", false, false);
    }
}
