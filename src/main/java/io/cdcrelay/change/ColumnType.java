package io.cdcrelay.change;

/**
 * The source type of a column, as the database declares it.
 *
 * @param name     SQL type name as the server reports it, upper case, without size: {@code VARCHAR},
 *                 {@code DECIMAL}, {@code INT UNSIGNED}, {@code DATETIME}
 * @param jdbcType the {@link java.sql.Types} code
 * @param length   declared length or precision; for DATETIME, TIME and TIMESTAMP the fractional digits; -1
 *                 when the source did not say
 * @param scale    declared scale (DECIMAL), -1 when none
 */
public record ColumnType(String name, int jdbcType, int length, int scale) {

    public boolean unsigned() {
        return name.endsWith(" UNSIGNED");
    }

    /** The name without {@code UNSIGNED}/{@code ZEROFILL}: what rendering rules switch on. */
    public String baseName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
