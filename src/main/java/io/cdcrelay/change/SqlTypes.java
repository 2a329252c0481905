package io.cdcrelay.change;

import java.sql.Types;
import java.util.Map;

/** The {@link Types} code of each MySQL/MariaDB type name, as MySQL's own JDBC driver reports it. */
final class SqlTypes {

    private static final Map<String, Integer> JDBC = Map.ofEntries(
            Map.entry("BIT", Types.BIT), Map.entry("BOOL", Types.BOOLEAN), Map.entry("BOOLEAN", Types.BOOLEAN),
            Map.entry("TINYINT", Types.TINYINT), Map.entry("SMALLINT", Types.SMALLINT),
            Map.entry("MEDIUMINT", Types.INTEGER), Map.entry("INT", Types.INTEGER),
            Map.entry("INTEGER", Types.INTEGER), Map.entry("BIGINT", Types.BIGINT),
            Map.entry("DECIMAL", Types.DECIMAL), Map.entry("NUMERIC", Types.DECIMAL),
            Map.entry("FLOAT", Types.REAL), Map.entry("DOUBLE", Types.DOUBLE), Map.entry("REAL", Types.DOUBLE),
            Map.entry("DATE", Types.DATE), Map.entry("TIME", Types.TIME), Map.entry("YEAR", Types.DATE),
            Map.entry("DATETIME", Types.TIMESTAMP), Map.entry("TIMESTAMP", Types.TIMESTAMP),
            Map.entry("CHAR", Types.CHAR), Map.entry("VARCHAR", Types.VARCHAR),
            Map.entry("TINYTEXT", Types.VARCHAR), Map.entry("TEXT", Types.LONGVARCHAR),
            Map.entry("MEDIUMTEXT", Types.LONGVARCHAR), Map.entry("LONGTEXT", Types.LONGVARCHAR),
            Map.entry("ENUM", Types.CHAR), Map.entry("SET", Types.CHAR), Map.entry("JSON", Types.LONGVARCHAR),
            Map.entry("BINARY", Types.BINARY), Map.entry("VARBINARY", Types.VARBINARY),
            Map.entry("TINYBLOB", Types.VARBINARY), Map.entry("BLOB", Types.LONGVARBINARY),
            Map.entry("MEDIUMBLOB", Types.LONGVARBINARY), Map.entry("LONGBLOB", Types.LONGVARBINARY),
            Map.entry("GEOMETRY", Types.BINARY), Map.entry("POINT", Types.BINARY),
            Map.entry("LINESTRING", Types.BINARY), Map.entry("POLYGON", Types.BINARY));

    private SqlTypes() {
    }

    static int jdbcType(String baseName) {
        return JDBC.getOrDefault(baseName, Types.OTHER);
    }
}
