package io.cdcrelay.transform;

import io.cdcrelay.change.ColumnType;
import org.apache.kafka.connect.data.Schema;

/** What one column step does to one column: its new name (or none), value, source type and Connect schema. */
interface ColumnRewrite {

    /** @return the column's name after the step, or null when the step drops it */
    String name(String column);

    /** @param value the column's value, never null (SQL NULL stays NULL); kept unless the step changes values */
    default Object value(String column, Object value) {
        return value;
    }

    /** The column's source type; kept unless the step changes values. */
    default ColumnType type(String column, ColumnType type) {
        return type;
    }

    /** The column's schema in the connector's value, for the Debezium format; kept unless the step changes values. */
    default Schema schema(String column, Schema schema) {
        return schema;
    }
}
