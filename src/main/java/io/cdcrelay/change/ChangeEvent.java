package io.cdcrelay.change;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row change (or heartbeat, or DDL) as every format and partitioner sees it, independent of Debezium.
 * Images map column names to plain Java values in table column order; SQL NULL is a {@code null} value.
 *
 * @param before        row before the change; empty for INSERT and for non-row events
 * @param after         row after the change; empty for DELETE and for non-row events
 * @param columnTypes   every column's source type, in table column order
 * @param keyColumns    the primary key, or the unique key the table is keyed on; empty when it has neither
 * @param transactionId GTID where the source has one, else {@code file:position} of the transaction
 * @param commitTime    when the source committed the change (snapshot rows: when the snapshot read them)
 * @param sequence      1-based position of the change in its transaction, 0 when unknown
 * @param ddl           the statement of a DDL event, else empty
 */
public record ChangeEvent(
        String database,
        String table,
        Operation operation,
        Map<String, Object> before,
        Map<String, Object> after,
        Map<String, ColumnType> columnTypes,
        List<String> keyColumns,
        SourcePosition position,
        String transactionId,
        Instant commitTime,
        long sequence,
        boolean snapshot,
        String ddl) {

    public ChangeEvent {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        before = frozen(before);
        after = frozen(after);
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
        keyColumns = List.copyOf(keyColumns);
        Objects.requireNonNull(position, "position");
        transactionId = Objects.requireNonNullElse(transactionId, "");
        Objects.requireNonNull(commitTime, "commitTime");
        ddl = Objects.requireNonNullElse(ddl, "");
    }

    /** The image that identifies the row: after for INSERT and UPDATE, before for DELETE. */
    public Map<String, Object> currentImage() {
        return operation == Operation.DELETE ? before : after;
    }

    public boolean isRowChange() {
        return operation == Operation.INSERT || operation == Operation.UPDATE || operation == Operation.DELETE;
    }

    // LinkedHashMap keeps column order and, unlike Map.copyOf, allows SQL NULL values.
    private static Map<String, Object> frozen(Map<String, Object> image) {
        return image == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(image));
    }
}
