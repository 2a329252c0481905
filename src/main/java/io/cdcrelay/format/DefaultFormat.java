package io.cdcrelay.format;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;

/** OceanBase Migration Service's "Default" format, as FORMATS.md specifies it field by field. */
public final class DefaultFormat implements WireFormat {

    private static final String KEY_SEPARATOR = "\u0001";

    private final JsonFactory json = new JsonFactory();
    private final FormatOptions options;
    private final ValueRenderer values;

    public DefaultFormat(FormatOptions options) {
        this.options = options;
        this.values = new ValueRenderer(options.timeZone());
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String render(ChangeEvent change) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            if (change.operation() == Operation.UPDATE || change.operation() == Operation.DELETE) {
                writeImage(g, "prevStruct", change.before(), change);
            }
            if (change.operation() == Operation.INSERT || change.operation() == Operation.UPDATE) {
                writeImage(g, "postStruct", change.after(), change);
            }
            if (change.operation() == Operation.DDL) {
                g.writeObjectFieldStart("postStruct");
                g.writeStringField("ddl", change.ddl());
                g.writeEndObject();
            }
            writeMetadata(g, change);
            g.writeStringField("recordType", change.operation().name());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void writeImage(JsonGenerator g, String field, Map<String, Object> image, ChangeEvent change)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> column : image.entrySet()) {
            g.writeStringField(column.getKey(), values.render(column.getValue(), change.columnTypes().get(column.getKey())));
        }
        g.writeEndObject();
    }

    private void writeMetadata(JsonGenerator g, ChangeEvent change) throws IOException {
        String commitSeconds = Long.toString(change.commitTime().getEpochSecond());
        g.writeObjectFieldStart("allMetaData");
        g.writeStringField("checkpoint", change.snapshot() ? keyAssignments(change) : commitSeconds);
        g.writeStringField("record_primary_key", String.join(KEY_SEPARATOR, change.keyColumns()));
        g.writeStringField("record_primary_value", keyValues(change));
        g.writeStringField("source_identity", options.sourceIdentity());
        g.writeStringField("dbType", options.dbType());
        g.writeStringField("table_name", change.table());
        g.writeStringField("db", options.qualifiedDatabase(change.database()));
        if (change.snapshot()) {
            g.writeNullField("timestamp");
        } else {
            g.writeStringField("timestamp", commitSeconds);
        }
        g.writeStringField("uniqueId", change.transactionId());
        g.writeEndObject();
    }

    private String keyValues(ChangeEvent change) {
        StringJoiner joined = new StringJoiner(KEY_SEPARATOR);
        Map<String, Object> image = change.currentImage();
        for (String column : change.keyColumns()) {
            joined.add(String.valueOf(render(change, image, column)));
        }
        return joined.toString();
    }

    /** A snapshot row's checkpoint: its key, {@code id=7} (several columns joined with {@code ,}). */
    private String keyAssignments(ChangeEvent change) {
        StringJoiner joined = new StringJoiner(",");
        Map<String, Object> image = change.currentImage();
        for (String column : change.keyColumns()) {
            joined.add(column + "=" + render(change, image, column));
        }
        return joined.toString();
    }

    private String render(ChangeEvent change, Map<String, Object> image, String column) {
        ColumnType type = change.columnTypes().get(column);
        return values.render(image.get(column), type);
    }
}
