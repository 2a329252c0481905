package io.cdcrelay.transaction;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads Debezium's transaction markers ({@code provide.transaction.metadata}): records whose value has a
 * {@code status} of BEGIN or END, END carrying the transaction's {@code event_count}; and statements that are
 * transactions of their own (schema changes, TRUNCATE).
 */
public final class TransactionMarkers {

    private TransactionMarkers() {
    }

    public static TransactionBuffer.Kind kind(SourceRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return TransactionBuffer.Kind.CHANGE;
        }
        if (value.schema().field("status") != null && value.schema().field("event_count") != null) {
            return "BEGIN".equals(value.getString("status")) ? TransactionBuffer.Kind.BEGIN : TransactionBuffer.Kind.END;
        }
        boolean schemaChange = value.schema().field("ddl") != null;
        boolean truncate = value.schema().field("op") != null && "t".equals(value.getString("op"));
        return schemaChange || truncate ? TransactionBuffer.Kind.STATEMENT : TransactionBuffer.Kind.CHANGE;
    }

    public static long eventCount(SourceRecord record) {
        Long count = ((Struct) record.value()).getInt64("event_count");
        return count == null ? 0 : count;
    }
}
