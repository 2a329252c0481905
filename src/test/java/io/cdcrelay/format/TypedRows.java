package io.cdcrelay.format;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;

/** One row of every MySQL type, holding the Java values the change mapper produces for them. */
final class TypedRows {

    private TypedRows() {
    }

    static ChangeEvent insert() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Map<String, Object> row = new LinkedHashMap<>();
        column(types, row, "id", "INT", Types.INTEGER, 11, -1, 1);
        column(types, row, "ti", "TINYINT", Types.TINYINT, 4, -1, (short) -128);
        column(types, row, "ui", "INT UNSIGNED", Types.INTEGER, 10, -1, 4294967295L);
        column(types, row, "bu", "BIGINT UNSIGNED", Types.BIGINT, 20, -1, new BigDecimal("18446744073709551615"));
        column(types, row, "d", "DECIMAL", Types.DECIMAL, 10, 2, new BigDecimal("10.50"));
        column(types, row, "f", "FLOAT", Types.REAL, -1, -1, 1.5f);
        column(types, row, "dbl", "DOUBLE", Types.DOUBLE, -1, -1, 1e20);
        column(types, row, "dt", "DATE", Types.DATE, -1, -1, LocalDate.of(2026, 11, 21));
        column(types, row, "t", "TIME", Types.TIME, 3, -1, Duration.parse("PT123H5M9.25S"));
        column(types, row, "dt0", "DATETIME", Types.TIMESTAMP, 0, -1, LocalDateTime.of(2026, 11, 21, 13, 5, 9));
        column(types, row, "dt6", "DATETIME", Types.TIMESTAMP, 6, -1, LocalDateTime.of(2026, 11, 21, 13, 5, 9, 123456000));
        column(types, row, "ts", "TIMESTAMP", Types.TIMESTAMP, 3, -1, Instant.parse("2026-11-21T13:05:09.120Z"));
        column(types, row, "y", "YEAR", Types.DATE, -1, -1, 2026);
        column(types, row, "c", "CHAR", Types.CHAR, 3, -1, "ab");
        column(types, row, "v", "VARCHAR", Types.VARCHAR, 20, -1, "Zürich 🎁");
        column(types, row, "e", "ENUM", Types.CHAR, 1, -1, "y");
        column(types, row, "s", "SET", Types.CHAR, 5, -1, "a,c");
        column(types, row, "j", "JSON", Types.LONGVARCHAR, -1, -1, "{\"k\": 1}");
        column(types, row, "b", "BINARY", Types.BINARY, 4, -1, new byte[] {1, 2, 3, 4});
        column(types, row, "bl", "BLOB", Types.LONGVARBINARY, -1, -1, new byte[] {(byte) 0xCA, (byte) 0xFE});
        column(types, row, "b1", "BIT", Types.BIT, 1, -1, true);
        column(types, row, "b12", "BIT", Types.BIT, 12, -1, new byte[] {0x0A, 0x01});
        column(types, row, "n", "INT", Types.INTEGER, 11, -1, null);
        return Changes.of("typed", types, List.of("id"), Operation.INSERT, Map.of(), row,
                new TransactionInfo("0-1-51", 1, 1, true), false);
    }

    private static void column(Map<String, ColumnType> types, Map<String, Object> row, String name, String type,
            int jdbc, int length, int scale, Object value) {
        types.put(name, new ColumnType(type, jdbc, length, scale));
        row.put(name, value);
    }
}
