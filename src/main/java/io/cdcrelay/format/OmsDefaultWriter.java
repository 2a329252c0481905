package io.cdcrelay.format;

import java.io.IOException;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;

/**
 * The shared body of OMS's Default and DefaultExtendColumnType formats; the extended one adds column types,
 * {@code transId}, {@code clusterId}, {@code ddlType} and writes snapshot rows as {@code ROW}.
 */
final class OmsDefaultWriter {

    private static final String KEY_SEPARATOR = "\u0001";
    // field names encoded once: Jackson then copies their bytes instead of escaping them for every message
    private static final SerializedString PREV_STRUCT = new SerializedString("prevStruct");
    private static final SerializedString POST_STRUCT = new SerializedString("postStruct");
    private static final SerializedString DDL = new SerializedString("ddl");
    private static final SerializedString ALL_META_DATA = new SerializedString("allMetaData");
    private static final SerializedString CHECKPOINT = new SerializedString("checkpoint");
    private static final SerializedString RECORD_PRIMARY_KEY = new SerializedString("record_primary_key");
    private static final SerializedString RECORD_PRIMARY_VALUE = new SerializedString("record_primary_value");
    private static final SerializedString SOURCE_IDENTITY = new SerializedString("source_identity");
    private static final SerializedString DB_TYPE = new SerializedString("dbType");
    private static final SerializedString STORE_DATA_SEQUENCE = new SerializedString("storeDataSequence");
    private static final SerializedString TABLE_NAME = new SerializedString("table_name");
    private static final SerializedString DB = new SerializedString("db");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString UNIQUE_ID = new SerializedString("uniqueId");
    private static final SerializedString TRANS_ID = new SerializedString("transId");
    private static final SerializedString CLUSTER_ID = new SerializedString("clusterId");
    private static final SerializedString DDL_TYPE = new SerializedString("ddlType");
    private static final SerializedString RECORD_TYPE = new SerializedString("recordType");
    private static final SerializedString LIGHT_TYPE = new SerializedString("__light_type");
    private static final SerializedString SCHEMA_TYPE = new SerializedString("schemaType");

    private final FormatOptions options;
    private final ValueRenderer values;
    private final boolean extended;

    OmsDefaultWriter(FormatOptions options, boolean extended) {
        this.options = options;
        this.values = new ValueRenderer(options.timeZone());
        this.extended = extended;
    }

    JsonText.Body body(ChangeEvent change) {
        return g -> {
            g.writeStartObject();
            Operation op = change.operation();
            if (op == Operation.UPDATE || op == Operation.DELETE) {
                image(g, PREV_STRUCT, change.before(), change);
            }
            if (op == Operation.INSERT || op == Operation.UPDATE) {
                image(g, POST_STRUCT, change.after(), change);
            }
            if (op == Operation.DDL) {
                g.writeFieldName(POST_STRUCT);
                g.writeStartObject();
                writeString(g, DDL, change.ddl());
                g.writeEndObject();
            }
            metadata(g, change);
            writeString(g, RECORD_TYPE, extended && change.snapshot() && change.isRowChange() ? "ROW" : op.name());
            g.writeEndObject();
        };
    }

    private void image(JsonGenerator g, SerializedString field, Map<String, Object> image, ChangeEvent change)
            throws IOException {
        g.writeFieldName(field);
        g.writeStartObject();
        for (Map.Entry<String, Object> column : image.entrySet()) {
            g.writeStringField(column.getKey(), values.render(column.getValue(), change.columnTypes().get(column.getKey())));
        }
        if (extended) {
            g.writeFieldName(LIGHT_TYPE);
            g.writeStartObject();
            for (Map.Entry<String, ColumnType> column : change.columnTypes().entrySet()) {
                g.writeObjectFieldStart(column.getKey());
                writeString(g, SCHEMA_TYPE, column.getValue().baseName());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void metadata(JsonGenerator g, ChangeEvent change) throws IOException {
        String commitSeconds = Long.toString(change.commitTime().getEpochSecond());
        boolean binlog = !change.snapshot() && change.operation() != Operation.HEARTBEAT;
        g.writeFieldName(ALL_META_DATA);
        g.writeStartObject();
        writeString(g, CHECKPOINT, change.snapshot() && change.isRowChange() ? keyAssignments(change) : commitSeconds);
        // a DDL or heartbeat concerns no row: it has no key values
        writeString(g, RECORD_PRIMARY_KEY, change.isRowChange() ? String.join(KEY_SEPARATOR, change.keyColumns()) : "");
        writeString(g, RECORD_PRIMARY_VALUE, change.isRowChange() ? keyValues(change) : "");
        writeString(g, SOURCE_IDENTITY, options.sourceIdentity());
        writeString(g, DB_TYPE, options.dbType());
        if (options.transactionSequence() && change.commitSequence() > 0) {
            g.writeFieldName(STORE_DATA_SEQUENCE);
            g.writeNumber(change.commitSequence());
        }
        writeString(g, TABLE_NAME, change.table());
        writeString(g, DB, options.qualifiedDatabase(change.database()));
        if (binlog) {
            writeString(g, TIMESTAMP, commitSeconds);
        } else {
            g.writeFieldName(TIMESTAMP);
            g.writeNull();
        }
        writeString(g, UNIQUE_ID, change.transactionId());
        if (extended) {
            writeString(g, TRANS_ID, change.transactionId());
            writeString(g, CLUSTER_ID, options.clusterId());
            writeString(g, DDL_TYPE, change.operation() == Operation.DDL ? DdlKind.of(change.ddl()).keyword() : "");
        }
        g.writeEndObject();
    }

    private static void writeString(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private String keyValues(ChangeEvent change) {
        StringJoiner joined = new StringJoiner(KEY_SEPARATOR);
        for (String column : change.keyColumns()) {
            joined.add(String.valueOf(rendered(change, column)));
        }
        return joined.toString();
    }

    /** A snapshot row's checkpoint: its key, {@code id=7} (several columns joined with {@code ,}). */
    private String keyAssignments(ChangeEvent change) {
        StringJoiner joined = new StringJoiner(",");
        for (String column : change.keyColumns()) {
            joined.add(column + "=" + rendered(change, column));
        }
        return joined.toString();
    }

    private String rendered(ChangeEvent change, String column) {
        return values.render(change.currentImage().get(column), change.columnTypes().get(column));
    }
}
