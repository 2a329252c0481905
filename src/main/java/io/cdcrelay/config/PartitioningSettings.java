package io.cdcrelay.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How changes are spread over partitions (docs/ordering.md).
 *
 * @param rule             {@code relay.partitioning}
 * @param shardingColumns  {@code relay.sharding-columns.<db>.<table>}, keyed by {@code db.table}
 * @param splitKeyUpdates  {@code relay.split-key-updates}: an UPDATE changing the hashed key becomes a DELETE
 *                         of the old key and an INSERT of the new one
 */
public record PartitioningSettings(Rule rule, Map<String, List<String>> shardingColumns, boolean splitKeyUpdates) {

    public enum Rule {
        /** A change goes to the partition of its key; equal keys stay in commit order. */
        HASH,
        /** Everything to partition 0, whole transactions in commit order, one at a time. */
        ONE
    }

    static PartitioningSettings from(PropertyReader r) {
        return new PartitioningSettings(r.get(MessageKeys.PARTITIONING),
                tableLists(r, MessageKeys.SHARDING_COLUMNS), r.get(MessageKeys.SPLIT_KEY_UPDATES));
    }

    /** {@code <prefix><db>.<table>=a,b} as {@code db.table → [a, b]}, refusing keys that name no table. */
    static Map<String, List<String>> tableLists(PropertyReader r, SettingFamily family) {
        String prefix = family.prefix();
        Map<String, List<String>> out = new LinkedHashMap<>();
        r.withPrefix(prefix).forEach((table, columns) -> {
            if (!table.matches("[^.]+\\.[^.]+")) {
                throw new SettingsException(prefix + table + " does not name a table: write " + prefix
                        + "<database>.<table>=<column>,<column>.");
            }
            List<String> list = r.list(prefix + table);
            if (list.isEmpty()) {
                throw new SettingsException(prefix + table + " is empty: name at least one column.");
            }
            out.put(table, list);
        });
        return Map.copyOf(out);
    }

    public List<String> shardingColumnsOf(String database, String table) {
        return shardingColumns.getOrDefault(database + "." + table, List.of());
    }
}
