package io.cdcrelay.change;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns the values Debezium's MySQL/MariaDB connectors emit into plain Java values, and reads each column's
 * source type from the schema parameters that {@code column.propagate.source.type} adds.
 *
 * <p>Java types produced: Byte/Short/Integer/Long, BigDecimal (DECIMAL, BIGINT UNSIGNED), Float, Double,
 * Boolean (BIT(1), BOOLEAN), String, byte[] (binary, BIT(n), geometry WKB), LocalDate (DATE), Duration
 * (TIME: MySQL's range exceeds a day and may be negative), LocalDateTime (DATETIME), Instant (TIMESTAMP),
 * Integer (YEAR).
 */
final class DebeziumValues {

    static final String TYPE_PARAM = "__debezium.source.column.type";
    static final String LENGTH_PARAM = "__debezium.source.column.length";
    static final String SCALE_PARAM = "__debezium.source.column.scale";

    private DebeziumValues() {
    }

    static ColumnType columnType(Field field) {
        Map<String, String> params = field.schema().parameters();
        String name = params == null ? null : params.get(TYPE_PARAM);
        if (name == null) {
            name = fallbackTypeName(field.schema());
        }
        name = name.toUpperCase(Locale.ROOT);
        int space = name.indexOf(' ');
        String base = space < 0 ? name : name.substring(0, space);
        return new ColumnType(name, SqlTypes.jdbcType(base), intParam(params, LENGTH_PARAM),
                intParam(params, SCALE_PARAM));
    }

    static Object toJava(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case "org.apache.kafka.connect.data.Decimal":
                    return (BigDecimal) value;
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay(((Number) value).longValue());
                case "io.debezium.time.MicroTime":
                    return Duration.ofNanos(((Number) value).longValue() * 1_000L);
                case "io.debezium.time.NanoTime":
                    return Duration.ofNanos(((Number) value).longValue());
                case "io.debezium.time.Time":
                    return Duration.ofMillis(((Number) value).longValue());
                // Debezium reads DATETIME as if it were UTC: reading it back in UTC restores the wall clock.
                case "io.debezium.time.Timestamp":
                    return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC);
                case "io.debezium.time.MicroTimestamp":
                    return fromMicros(((Number) value).longValue());
                case "io.debezium.time.NanoTimestamp": {
                    long nanos = ((Number) value).longValue();
                    return LocalDateTime.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                            (int) Math.floorMod(nanos, 1_000_000_000L), ZoneOffset.UTC);
                }
                case "io.debezium.time.ZonedTimestamp":
                    return OffsetDateTime.parse((String) value).toInstant();
                case "io.debezium.time.Year":
                    return ((Number) value).intValue();
                case "io.debezium.data.Bits":
                    return bigEndian(bytes(value));
                case "io.debezium.data.geometry.Geometry":
                case "io.debezium.data.geometry.Point":
                    return bytes(((Struct) value).get("wkb"));
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case BYTES -> bytes(value);
            default -> value;
        };
    }

    private static LocalDateTime fromMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] out = new byte[copy.remaining()];
            copy.get(out);
            return out;
        }
        return ((byte[]) value).clone();
    }

    // Debezium emits BIT(n) little-endian; MySQL writes and compares it big-endian.
    private static byte[] bigEndian(byte[] little) {
        byte[] out = new byte[little.length];
        for (int i = 0; i < little.length; i++) {
            out[i] = little[little.length - 1 - i];
        }
        return out;
    }

    private static int intParam(Map<String, String> params, String key) {
        if (params == null || params.get(key) == null) {
            return -1;
        }
        try {
            return Integer.parseInt(params.get(key));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String fallbackTypeName(Schema schema) {
        return switch (schema.type()) {
            case INT8 -> "TINYINT";
            case INT16 -> "SMALLINT";
            case INT32 -> "INT";
            case INT64 -> "BIGINT";
            case FLOAT32 -> "FLOAT";
            case FLOAT64 -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case BYTES -> "BLOB";
            default -> "VARCHAR";
        };
    }
}
