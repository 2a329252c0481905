package io.cdcrelay.format;

import java.io.IOException;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;

/**
 * The shared body of OMS's Default and DefaultExtendColumnType formats; the extended one adds column types,
 * {@code transId}, {@code clusterId}, {@code ddlType} and writes snapshot rows as {@code ROW}.
 */
final class OmsDefaultWriter {

    private static final String KEY_SEPARATOR = "\u0001";

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
                image(g, "prevStruct", change.before(), change);
            }
            if (op == Operation.INSERT || op == Operation.UPDATE) {
                image(g, "postStruct", change.after(), change);
            }
            if (op == Operation.DDL) {
                g.writeObjectFieldStart("postStruct");
                g.writeStringField("ddl", change.ddl());
                g.writeEndObject();
            }
            metadata(g, change);
            g.writeStringField("recordType", extended && change.snapshot() && change.isRowChange() ? "ROW" : op.name());
            g.writeEndObject();
        };
    }

    private void image(JsonGenerator g, String field, Map<String, Object> image, ChangeEvent change) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> column : image.entrySet()) {
            g.writeStringField(column.getKey(), values.render(column.getValue(), change.columnTypes().get(column.getKey())));
        }
        if (extended) {
            g.writeObjectFieldStart("__light_type");
            for (Map.Entry<String, ColumnType> column : change.columnTypes().entrySet()) {
                g.writeObjectFieldStart(column.getKey());
                g.writeStringField("schemaType", column.getValue().baseName());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void metadata(JsonGenerator g, ChangeEvent change) throws IOException {
        String commitSeconds = Long.toString(change.commitTime().getEpochSecond());
        boolean binlog = !change.snapshot() && change.operation() != Operation.HEARTBEAT;
        g.writeObjectFieldStart("allMetaData");
        g.writeStringField("checkpoint", change.snapshot() && change.isRowChange() ? keyAssignments(change) : commitSeconds);
        // a DDL or heartbeat concerns no row: it has no key values
        g.writeStringField("record_primary_key", change.isRowChange() ? String.join(KEY_SEPARATOR, change.keyColumns()) : "");
        g.writeStringField("record_primary_value", change.isRowChange() ? keyValues(change) : "");
        g.writeStringField("source_identity", options.sourceIdentity());
        g.writeStringField("dbType", options.dbType());
        if (options.transactionSequence() && change.commitSequence() > 0) {
            g.writeNumberField("storeDataSequence", change.commitSequence());
        }
        g.writeStringField("table_name", change.table());
        g.writeStringField("db", options.qualifiedDatabase(change.database()));
        if (binlog) {
            g.writeStringField("timestamp", commitSeconds);
        } else {
            g.writeNullField("timestamp");
        }
        g.writeStringField("uniqueId", change.transactionId());
        if (extended) {
            g.writeStringField("transId", change.transactionId());
            g.writeStringField("clusterId", options.clusterId());
            g.writeStringField("ddlType", change.operation() == Operation.DDL ? DdlKind.of(change.ddl()).keyword() : "");
        }
        g.writeEndObject();
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
