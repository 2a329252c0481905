package io.cdcrelay.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;

/** DataWorks' real-time synchronization format, version 2.0, with typed JSON values. */
public final class DataworksFormat extends JsonWireFormat {

    private final FormatOptions options;
    private final ValueRenderer text;

    public DataworksFormat(FormatOptions options) {
        this.options = options;
        this.text = new ValueRenderer(options.timeZone());
    }

    @Override
    public String name() {
        return "dataworks";
    }

    @Override
    JsonText.Body body(ChangeEvent change) {
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("schema");
            g.writeArrayFieldStart("dataColumn");
            for (Map.Entry<String, ColumnType> c : change.columnTypes().entrySet()) {
                g.writeStartObject();
                g.writeStringField("name", c.getKey());
                g.writeStringField("type", type(c.getValue()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("primaryKey");
            for (String key : change.isRowChange() ? change.keyColumns() : java.util.List.<String>of()) {
                g.writeString(key);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("source");
            g.writeStringField("dbType", "MySQL");
            g.writeStringField("dbVersion", options.dbVersion().get());
            g.writeStringField("dbName", options.qualifiedDatabase(change.database()));
            g.writeStringField("schemaName", options.qualifiedDatabase(change.database()));
            g.writeStringField("tableName", change.table());
            g.writeEndObject();
            g.writeEndObject();

            g.writeObjectFieldStart("payload");
            if (change.operation() == Operation.UPDATE || change.operation() == Operation.DELETE) {
                image(g, "before", change.before(), change);
            }
            if (change.operation() == Operation.UPDATE || change.operation() == Operation.INSERT) {
                image(g, "after", change.after(), change);
            }
            g.writeStringField("sequenceId", change.commitSequence() > 0 ? Long.toString(change.commitSequence()) : "");
            g.writeObjectFieldStart("timestamp");
            long commit = change.commitTime().toEpochMilli();
            g.writeNumberField("eventTime", commit);
            g.writeNumberField("systemTime", options.clock().millis());
            g.writeNumberField("checkpointTime", commit);
            g.writeEndObject();
            g.writeStringField("op", op(change));
            if (change.operation() == Operation.DDL) {
                g.writeStringField("ddl", change.ddl());
            }
            g.writeStringField("scn", change.position().file().isEmpty() ? "" : change.position().filePosition());
            g.writeObjectFieldStart("extraInfo");
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("version", "2.0");
            g.writeEndObject();
        };
    }

    private static String op(ChangeEvent change) {
        return switch (change.operation()) {
            case INSERT -> "INSERT";
            case UPDATE -> "UPDATE_AFTER";
            case DELETE -> "DELETE";
            case HEARTBEAT -> "MHEARTBEAT";
            case DDL -> DdlKind.of(change.ddl()).dataworks();
        };
    }

    private void image(JsonGenerator g, String field, Map<String, Object> image, ChangeEvent change) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeObjectFieldStart("dataColumn");
        for (Map.Entry<String, Object> column : image.entrySet()) {
            g.writeFieldName(column.getKey());
            value(g, column.getValue(), change.columnTypes().get(column.getKey()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void value(JsonGenerator g, Object value, ColumnType type) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type(type)) {
            case "LONG" -> {
                if (value instanceof BigDecimal d) {
                    g.writeNumber(d.toBigInteger());
                } else if (value instanceof BigInteger i) {
                    g.writeNumber(i);
                } else {
                    g.writeNumber(((Number) value).longValue());
                }
            }
            case "DOUBLE" -> g.writeNumber(((Number) value).doubleValue());
            case "BOOLEAN" -> g.writeBoolean(value instanceof Boolean b ? b : ((Number) value).intValue() != 0);
            case "DATE" -> g.writeNumber(epochMillis(value));
            case "BYTES" -> g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
            default -> g.writeString(text.render(value, type));
        }
    }

    /** DATE and DATETIME carry no zone: they are read in {@code relay.time-zone}. */
    private long epochMillis(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.atZone(options.timeZone()).toInstant().toEpochMilli();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(options.timeZone()).toInstant().toEpochMilli();
        }
        if (value instanceof Duration duration) {
            return duration.toMillis();
        }
        throw new IllegalArgumentException("not a date: " + value.getClass().getName());
    }

    static String type(ColumnType type) {
        return switch (type.baseName()) {
            case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "YEAR" -> "LONG";
            case "FLOAT", "DOUBLE", "REAL", "DECIMAL", "NUMERIC" -> "DOUBLE";
            case "BOOL", "BOOLEAN" -> "BOOLEAN";
            case "BIT" -> type.length() == 1 ? "BOOLEAN" : "BYTES";
            case "DATE", "DATETIME", "TIMESTAMP" -> "DATE";
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "GEOMETRY", "POINT",
                    "LINESTRING", "POLYGON" -> "BYTES";
            default -> "STRING";
        };
    }
}
