package io.cdcrelay.transform;

import java.util.Set;

import io.cdcrelay.change.ColumnType;
import org.apache.kafka.connect.data.Schema;

/** {@code columns:drop}: the named columns leave the change, its key included. */
final class DropColumns implements ColumnRewrite {

    private final Set<String> dropped;

    DropColumns(Set<String> dropped) {
        this.dropped = Set.copyOf(dropped);
    }

    @Override
    public String name(String column) {
        return dropped.contains(column) ? null : column;
    }

    @Override
    public Object value(String column, Object value) {
        return value;
    }

    @Override
    public ColumnType type(String column, ColumnType type) {
        return type;
    }

    @Override
    public Schema schema(String column, Schema schema) {
        return schema;
    }
}
