package io.cdcrelay.partition;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.format.ValueRenderer;

/**
 * The key of a change's message and the bytes its partition is hashed from
 * (docs/formats.md#around-every-format-key-and-headers): the hash-key columns as a compact JSON object in their
 * order, values rendered as text. The hash key is the table's sharding columns, else its key (primary, else
 * smallest non-null unique). A table with neither has no message key and hashes its whole row image.
 */
public final class PartitionKey {

    private final ValueRenderer values;
    private final ShardingColumns sharding;

    public PartitionKey(ValueRenderer values, ShardingColumns sharding) {
        this.values = values;
        this.sharding = sharding;
    }

    /** The columns a table's changes are hashed on; empty for a table without any key. */
    public List<String> hashColumns(ChangeEvent change) {
        List<String> configured = sharding.of(change.database(), change.table());
        return configured.isEmpty() ? change.keyColumns() : configured;
    }

    /** @return the message key, or {@code null} for a table without any key */
    public String messageKey(ChangeEvent change) {
        if (!change.isRowChange()) {
            return objectOf(List.of("database", "table"),
                    Map.of("database", change.database(), "table", change.table()), Map.of());
        }
        List<String> columns = hashColumns(change);
        return columns.isEmpty() ? null : objectOf(columns, change.currentImage(), change.columnTypes());
    }

    /** What the partition is hashed from: the message key, or the whole row for a table without a key. */
    public String hashInput(ChangeEvent change) {
        return hashInput(change, messageKey(change));
    }

    /** As {@link #hashInput(ChangeEvent)}, given the change's message key already built. */
    public String hashInput(ChangeEvent change, String key) {
        if (key != null) {
            return key;
        }
        return objectOf(List.copyOf(change.currentImage().keySet()), change.currentImage(), change.columnTypes());
    }

    /**
     * Written by hand with Jackson's string quoting, the same text its generator writes: a generator per change
     * (its buffers, its writer) cost more than the key itself, and every change has a key.
     */
    private String objectOf(List<String> columns, Map<String, ?> image, Map<String, ColumnType> types) {
        StringBuilder out = new StringBuilder(16 + 24 * columns.size()).append('{');
        for (String column : columns) {
            if (out.length() > 1) {
                out.append(',');
            }
            quoted(out, column).append(':');
            String value = values.render(image.get(column), types.get(column));
            if (value == null) {
                out.append("null");
            } else {
                quoted(out, value);
            }
        }
        return out.append('}').toString();
    }

    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }
}
