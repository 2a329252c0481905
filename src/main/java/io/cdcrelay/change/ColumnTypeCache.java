package io.cdcrelay.change;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * Every column's {@link ColumnType}, read once per row schema: Debezium hands each table's rows the same
 * {@link Schema} object until the table's definition changes, so the types (parsed from the schema parameters)
 * are the same for all of them. Keyed by identity, because a schema's own {@code hashCode} walks every field.
 *
 * <p>Read without a lock; a new schema replaces the whole table, so readers never see one half-built. The table
 * starts afresh past {@link #LIMIT} schemas, which only a long run of schema changes reaches.
 */
final class ColumnTypeCache {

    static final int LIMIT = 1024;

    private volatile Map<Schema, Map<String, ColumnType>> known = new IdentityHashMap<>();

    Map<String, ColumnType> of(Schema row) {
        Map<String, ColumnType> types = known.get(row);
        return types != null ? types : learn(row);
    }

    private synchronized Map<String, ColumnType> learn(Schema row) {
        Map<String, ColumnType> types = known.get(row);
        if (types != null) {
            return types;
        }
        LinkedHashMap<String, ColumnType> read = new LinkedHashMap<>();
        for (Field f : row.fields()) {
            read.put(f.name(), DebeziumValues.columnType(f));
        }
        types = FrozenMap.adopt(read);
        Map<Schema, Map<String, ColumnType>> next = known.size() >= LIMIT ? new IdentityHashMap<>()
                : new IdentityHashMap<>(known);
        next.put(row, types);
        known = next;
        return types;
    }
}
