package io.cdcrelay.change;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's records → {@link ChangeEvent}: row changes, TRUNCATE and schema changes (DDL). Reads the raw
 * {@link SourceRecord} rather than Camel's headers, because Camel drops the transaction block
 * ({@code total_order}) and the key schema.
 */
public final class ChangeEventMapper {

    private final KeyCatalog keys;
    private final CommitSequence sequence;
    private final BiPredicate<String, String> captured;
    private final ColumnTypeCache columnTypes = new ColumnTypeCache();

    /** @param captured whether a database and table are in the relay's selection */
    public ChangeEventMapper(KeyCatalog keys, CommitSequence sequence, BiPredicate<String, String> captured) {
        this.keys = keys;
        this.sequence = sequence;
        this.captured = captured;
    }

    /** @return the change, or {@code null} for a record that concerns no captured table (transaction markers, database DDL) */
    public ChangeEvent map(SourceRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return null;
        }
        if (value.schema().field("ddl") != null && value.schema().field("tableChanges") != null) {
            return schemaChange(value);
        }
        if (value.schema().field("op") == null) {
            return null;
        }
        return switch (value.getString("op")) {
            case "c" -> row(value, Operation.INSERT, false);
            case "r" -> row(value, Operation.INSERT, true);
            case "u" -> row(value, Operation.UPDATE, false);
            case "d" -> row(value, Operation.DELETE, false);
            case "t" -> truncate(value);
            default -> null;
        };
    }

    private ChangeEvent row(Struct envelope, Operation operation, boolean snapshotRead) {
        Struct source = envelope.getStruct("source");
        String database = source.getString("db");
        String table = source.getString("table");
        Map<String, ColumnType> types = columnTypes.of(envelope.schema().field("before").schema());
        Instant commit = Instant.ofEpochMilli(source.getInt64("ts_ms"));
        SourcePosition position = position(source);
        return new ChangeEvent(database, table, operation,
                image(envelope.getStruct("before")), image(envelope.getStruct("after")),
                types, keys.keyColumns(database, table), position, transaction(envelope, position),
                commit, sequence.next(commit), snapshotRead || isSnapshot(source), "", envelope);
    }

    private ChangeEvent truncate(Struct envelope) {
        Struct source = envelope.getStruct("source");
        String database = source.getString("db");
        String table = source.getString("table");
        Instant commit = Instant.ofEpochMilli(source.getInt64("ts_ms"));
        SourcePosition position = position(source);
        return new ChangeEvent(database, table, Operation.DDL, Map.of(), Map.of(), Map.of(), List.of(), position,
                transaction(envelope, position), commit, sequence.next(commit), false,
                "TRUNCATE TABLE `" + database + "`.`" + table + "`", envelope);
    }

    /**
     * A schema change of one captured table, read from the binlog. Skipped: database-level statements (no
     * table), and the schema snapshot's statements ({@code DROP TABLE IF EXISTS}, {@code CREATE TABLE}),
     * which Debezium writes to describe the schema and nobody ran: a consumer that applies DDL would drop
     * its table.
     */
    private ChangeEvent schemaChange(Struct value) {
        List<Object> changes = value.getArray("tableChanges");
        if (changes == null || changes.isEmpty() || isSnapshot(value.getStruct("source"))) {
            return null;
        }
        String[] id = tableId(((Struct) changes.get(0)).getString("id"));
        String database = id[0].isEmpty() ? value.getString("databaseName") : id[0];
        String table = id[1];
        keys.invalidate(database, table);
        String ddl = value.getString("ddl");
        Optional<String[]> renamed = RenameStatement.oldName(ddl);
        if (renamed.isPresent()) {
            // a rename belongs to the table that had the old name when that one was selected: its consumers
            // learn it left; the new name's topic would only be created for an unselected table
            String oldDatabase = renamed.get()[0].isEmpty() ? database : renamed.get()[0];
            String oldTable = renamed.get()[1];
            keys.invalidate(oldDatabase, oldTable);
            if (captured.test(oldDatabase, oldTable)) {
                database = oldDatabase;
                table = oldTable;
            }
        }
        if (!captured.test(database, table)) {
            // Debezium's schema history reads every database's DDL; only the selected tables' reaches a topic
            return null;
        }
        Struct source = value.getStruct("source");
        Instant commit = Instant.ofEpochMilli(source.getInt64("ts_ms"));
        SourcePosition position = position(source);
        return new ChangeEvent(database, table, Operation.DDL, Map.of(), Map.of(), Map.of(), keys.keyColumns(database, table),
                position, TransactionInfo.of(position.gtid().isEmpty() ? position.filePosition() : position.gtid()),
                commit, sequence.next(commit), false, ddl, value);
    }

    /** Debezium writes table ids double-quoted: {@code "shop"."orders"}. */
    static String[] tableId(String quoted) {
        String plain = quoted.replace("\"", "");
        int dot = plain.indexOf('.');
        return dot < 0 ? new String[] {"", plain} : new String[] {plain.substring(0, dot), plain.substring(dot + 1)};
    }

    private static Map<String, Object> image(Struct row) {
        if (row == null) {
            return Map.of();
        }
        List<Field> fields = row.schema().fields();
        LinkedHashMap<String, Object> image = new LinkedHashMap<>(fields.size() * 4 / 3 + 1);
        for (Field f : fields) {
            image.put(f.name(), DebeziumValues.toJava(f.schema(), row.get(f)));
        }
        return FrozenMap.adopt(image);
    }

    private static SourcePosition position(Struct source) {
        String file = optionalString(source, "file");
        Long pos = source.schema().field("pos") == null ? null : source.getInt64("pos");
        Integer row = source.schema().field("row") == null ? null : source.getInt32("row");
        return new SourcePosition(file, pos == null ? 0 : pos, row == null ? 0 : row, optionalString(source, "gtid"));
    }

    /** The transaction block Debezium adds with {@code provide.transaction.metadata}, else the GTID or position. */
    private static TransactionInfo transaction(Struct envelope, SourcePosition position) {
        Field field = envelope.schema().field("transaction");
        Struct tx = field == null ? null : envelope.getStruct("transaction");
        if (tx != null) {
            Long order = tx.getInt64("total_order");
            return new TransactionInfo(tx.getString("id"), order == null ? 0 : order, 0, false);
        }
        return TransactionInfo.of(position.gtid().isEmpty() ? position.filePosition() : position.gtid());
    }

    private static boolean isSnapshot(Struct source) {
        String s = optionalString(source, "snapshot");
        return !s.isEmpty() && !s.equals("false");
    }

    private static String optionalString(Struct struct, String field) {
        if (struct.schema().field(field) == null) {
            return "";
        }
        Object value = struct.get(field);
        return value == null ? "" : value.toString();
    }
}
