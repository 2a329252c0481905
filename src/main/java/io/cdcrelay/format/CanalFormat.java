package io.cdcrelay.format;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;

/** Alibaba Canal's "flat message", readable with Canal's own {@code FlatMessage} class. */
public final class CanalFormat extends JsonWireFormat {

    private final FormatOptions options;
    private final ValueRenderer values;
    // "id: a number increasing by one per message of the stream"
    private final AtomicLong ids = new AtomicLong();

    public CanalFormat(FormatOptions options) {
        this.options = options;
        this.values = new ValueRenderer(options.timeZone());
    }

    @Override
    public String name() {
        return "canal";
    }

    @Override
    JsonText.Body body(ChangeEvent change) {
        boolean ddl = change.operation() == Operation.DDL;
        boolean row = change.isRowChange();
        return g -> {
            g.writeStartObject();
            g.writeNumberField("id", ids.incrementAndGet());
            g.writeStringField("database", options.qualifiedDatabase(change.database()));
            g.writeStringField("table", change.table());
            if (ddl) {
                g.writeNullField("pkNames");
            } else {
                g.writeArrayFieldStart("pkNames");
                for (String key : change.keyColumns()) {
                    g.writeString(key);
                }
                g.writeEndArray();
            }
            g.writeBooleanField("isDdl", ddl);
            g.writeStringField("type", ddl ? DdlKind.of(change.ddl()).canal() : change.operation().name());
            g.writeNumberField("es", change.commitTime().toEpochMilli());
            g.writeNumberField("ts", options.clock().millis());
            g.writeStringField("sql", ddl ? change.ddl() : "");
            if (row) {
                types(g, change);
                g.writeArrayFieldStart("data");
                JsonText.image(g, change.currentImage(), change.columnTypes(), values);
                g.writeEndArray();
                old(g, change);
            } else {
                g.writeNullField("sqlType");
                g.writeNullField("mysqlType");
                g.writeNullField("data");
                g.writeNullField("old");
            }
            g.writeStringField("gtid", change.position().gtid());
            g.writeEndObject();
        };
    }

    private void types(JsonGenerator g, ChangeEvent change) throws IOException {
        g.writeObjectFieldStart("sqlType");
        for (Map.Entry<String, ColumnType> c : change.columnTypes().entrySet()) {
            g.writeNumberField(c.getKey(), c.getValue().jdbcType());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("mysqlType");
        for (Map.Entry<String, ColumnType> c : change.columnTypes().entrySet()) {
            g.writeStringField(c.getKey(), mysqlType(c.getValue()));
        }
        g.writeEndObject();
    }

    /** UPDATE only: the columns whose value changed, with their old values. */
    private void old(JsonGenerator g, ChangeEvent change) throws IOException {
        if (change.operation() != Operation.UPDATE) {
            g.writeNullField("old");
            return;
        }
        g.writeArrayFieldStart("old");
        g.writeStartObject();
        for (Map.Entry<String, Object> column : change.before().entrySet()) {
            ColumnType type = change.columnTypes().get(column.getKey());
            String before = values.render(column.getValue(), type);
            String after = values.render(change.after().get(column.getKey()), type);
            if (!Objects.equals(before, after)) {
                g.writeStringField(column.getKey(), before);
            }
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    /** The column type as {@code SHOW CREATE TABLE} writes it, as far as the source reported its size. */
    static String mysqlType(ColumnType type) {
        String base = type.baseName().toLowerCase(Locale.ROOT);
        String size = "";
        boolean sized = switch (type.baseName()) {
            case "DATE", "YEAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "TINYBLOB", "BLOB", "MEDIUMBLOB",
                    "LONGBLOB", "JSON", "ENUM", "SET", "GEOMETRY", "FLOAT", "DOUBLE" -> false;
            // DATETIME, TIMESTAMP and TIME carry their fractional digits as length, like every sized type
            default -> type.length() > 0;
        };
        if (sized) {
            size = "(" + type.length() + (type.scale() > 0 ? "," + type.scale() : "") + ")";
        }
        return base + size + (type.unsigned() ? " unsigned" : "");
    }
}
