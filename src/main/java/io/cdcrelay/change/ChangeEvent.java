package io.cdcrelay.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row change (or heartbeat, or DDL) as every format and partitioner sees it, independent of Debezium.
 * Images map column names to plain Java values in table column order; SQL NULL is a {@code null} value.
 *
 * @param before         row before the change; empty for INSERT and for non-row events
 * @param after          row after the change; empty for DELETE and for non-row events
 * @param columnTypes    every column's source type, in table column order
 * @param keyColumns     the primary key, or the unique key the table is keyed on; empty when it has neither
 * @param transaction    the source transaction and the change's place in it
 * @param commitTime     when the source committed the change (snapshot rows: when the snapshot read them)
 * @param commitSequence position in the stream: commit seconds followed by a 5-digit counter; 0 for heartbeats
 * @param ddl            the statement of a DDL event, else empty
 * @param origin         the connector's own value (a Kafka Connect {@code Struct}), or {@code null}; read by
 *                       the Debezium format only, whose promise is Debezium's exact JSON
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
        TransactionInfo transaction,
        Instant commitTime,
        long commitSequence,
        boolean snapshot,
        String ddl,
        Object origin) {

    public ChangeEvent {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        before = before == null ? Map.of() : FrozenMap.of(before);
        after = after == null ? Map.of() : FrozenMap.of(after);
        columnTypes = FrozenMap.of(columnTypes);
        keyColumns = List.copyOf(keyColumns);
        Objects.requireNonNull(position, "position");
        transaction = Objects.requireNonNullElse(transaction, TransactionInfo.of(""));
        Objects.requireNonNull(commitTime, "commitTime");
        ddl = Objects.requireNonNullElse(ddl, "");
    }

    /**
     * A heartbeat for the topic of {@code database.table}, so consumers see the stream alive. It is no commit,
     * so it has no commit sequence (0).
     */
    public static ChangeEvent heartbeat(String database, String table, Instant now) {
        return new ChangeEvent(database, table, Operation.HEARTBEAT, Map.of(), Map.of(), Map.of(), List.of(),
                SourcePosition.NONE, TransactionInfo.of(""), now, 0, false, "", null);
    }

    public String transactionId() {
        return transaction.id();
    }

    /** The image that identifies the row: after for INSERT and UPDATE, before for DELETE. */
    public Map<String, Object> currentImage() {
        return operation == Operation.DELETE ? before : after;
    }

    public boolean isRowChange() {
        return operation == Operation.INSERT || operation == Operation.UPDATE || operation == Operation.DELETE;
    }

    /** The same change marked with its place in its transaction, once that is known. */
    public ChangeEvent withTransaction(TransactionInfo info) {
        return new ChangeEvent(database, table, operation, before, after, columnTypes, keyColumns, position, info,
                commitTime, commitSequence, snapshot, ddl, origin);
    }
}
