package io.cdcrelay.change;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's change envelope → {@link ChangeEvent}. Reads the raw {@link SourceRecord} rather than Camel's
 * headers, because Camel drops the transaction block ({@code total_order}) and the key schema.
 */
public final class ChangeEventMapper {

    private final KeyCatalog keys;

    public ChangeEventMapper(KeyCatalog keys) {
        this.keys = keys;
    }

    /** @return the change, or {@code null} for a record that carries no row change (transaction markers) */
    public ChangeEvent map(SourceRecord record) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
            return null;
        }
        Operation operation;
        boolean snapshot = false;
        switch (envelope.getString("op")) {
            case "c" -> operation = Operation.INSERT;
            case "r" -> {
                operation = Operation.INSERT;
                snapshot = true;
            }
            case "u" -> operation = Operation.UPDATE;
            case "d" -> operation = Operation.DELETE;
            default -> {
                return null;
            }
        }
        Struct source = envelope.getStruct("source");
        String database = source.getString("db");
        String table = source.getString("table");
        Schema rowSchema = envelope.schema().field("before").schema();

        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Field f : rowSchema.fields()) {
            types.put(f.name(), DebeziumValues.columnType(f));
        }
        SourcePosition position = position(source);
        String gtid = position.gtid();
        return new ChangeEvent(
                database, table, operation,
                image(envelope.getStruct("before")),
                image(envelope.getStruct("after")),
                types,
                keys.keyColumns(database, table),
                position,
                transactionId(envelope, gtid, position),
                Instant.ofEpochMilli(source.getInt64("ts_ms")),
                sequence(envelope),
                snapshot || isSnapshot(source),
                "");
    }

    private static Map<String, Object> image(Struct row) {
        if (row == null) {
            return Map.of();
        }
        Map<String, Object> image = new LinkedHashMap<>();
        for (Field f : row.schema().fields()) {
            image.put(f.name(), DebeziumValues.toJava(f.schema(), row.get(f)));
        }
        return image;
    }

    private static SourcePosition position(Struct source) {
        String file = optionalString(source, "file");
        Long pos = source.schema().field("pos") == null ? null : source.getInt64("pos");
        Integer row = source.schema().field("row") == null ? null : source.getInt32("row");
        return new SourcePosition(file, pos == null ? 0 : pos, row == null ? 0 : row, optionalString(source, "gtid"));
    }

    private static String transactionId(Struct envelope, String gtid, SourcePosition position) {
        Field tx = envelope.schema().field("transaction");
        if (tx != null && envelope.getStruct("transaction") != null) {
            return envelope.getStruct("transaction").getString("id");
        }
        return gtid.isEmpty() ? position.filePosition() : gtid;
    }

    private static long sequence(Struct envelope) {
        Field tx = envelope.schema().field("transaction");
        if (tx == null || envelope.getStruct("transaction") == null) {
            return 0;
        }
        Long order = envelope.getStruct("transaction").getInt64("total_order");
        return order == null ? 0 : order;
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
