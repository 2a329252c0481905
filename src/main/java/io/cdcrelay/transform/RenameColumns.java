package io.cdcrelay.transform;

import java.util.Map;

import io.cdcrelay.change.ColumnType;
import org.apache.kafka.connect.data.Schema;

/** {@code columns:rename}: the named columns keep their values under new names. */
final class RenameColumns implements ColumnRewrite {

    private final Map<String, String> renamed;

    /** @param renamed old name → new name */
    RenameColumns(Map<String, String> renamed) {
        this.renamed = Map.copyOf(renamed);
    }

    @Override
    public String name(String column) {
        return renamed.getOrDefault(column, column);
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
