package io.cdcrelay.format;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;

import io.cdcrelay.change.ColumnType;

/**
 * The single rendering rule of the text formats (docs/formats.md#values-one-rendering-rule-for-the-text-formats):
 * every value as the MySQL client prints it, SQL NULL as {@code null}.
 */
public final class ValueRenderer {

    private final ZoneId timestampZone;

    /** @param timestampZone {@code relay.time-zone}: the zone TIMESTAMP columns are printed in */
    public ValueRenderer(ZoneId timestampZone) {
        this.timestampZone = timestampZone;
    }

    public String render(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        int digits = type == null ? -1 : type.length();
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floating(((Number) value).doubleValue(), value instanceof Float);
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime(dateTime, digits);
        }
        if (value instanceof Instant instant) {
            return dateTime(LocalDateTime.ofInstant(instant, timestampZone), digits);
        }
        if (value instanceof Duration time) {
            return time(time, digits);
        }
        return value.toString();
    }

    private static String floating(double d, boolean isFloat) {
        // Float.toString keeps a FLOAT's own short digits (1.1f, not 1.100000023841858)
        String shortest = isFloat ? Float.toString((float) d) : Double.toString(d);
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    private static String dateTime(LocalDateTime t, int digits) {
        StringBuilder sb = new StringBuilder(26);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append(' ');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        return fraction(sb, t.getNano(), digits).toString();
    }

    private static String time(Duration d, int digits) {
        StringBuilder sb = new StringBuilder(18);
        Duration abs = d.abs();
        if (d.isNegative()) {
            sb.append('-');
        }
        pad(sb, abs.toHours(), 2).append(':');
        pad(sb, abs.toMinutesPart(), 2).append(':');
        pad(sb, abs.toSecondsPart(), 2);
        return fraction(sb, abs.toNanosPart(), digits).toString();
    }

    /** The column's own number of fractional digits; where unknown, microseconds when there are any. */
    private static StringBuilder fraction(StringBuilder sb, int nanos, int digits) {
        int shown = digits >= 0 ? Math.min(digits, 9) : (nanos == 0 ? 0 : 6);
        if (shown == 0) {
            return sb;
        }
        String nine = String.format("%09d", nanos);
        return sb.append('.').append(nine, 0, shown);
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
