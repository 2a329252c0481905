package io.cdcrelay.format;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

import io.cdcrelay.config.PropertyReader;

/**
 * What the formats carry besides the change itself.
 *
 * @param sourceIdentity {@code relay.source.name}
 * @param dbType         {@code MYSQL} or {@code OB_MYSQL} ({@code relay.source.db-type})
 * @param tenant         {@code relay.source.tenant}; when set, databases are written {@code tenant.database}
 */
public record FormatOptions(String sourceIdentity, String dbType, String tenant, ZoneId timeZone) {

    public static FormatOptions from(Properties properties, ZoneId timeZone) {
        PropertyReader r = new PropertyReader(properties);
        return new FormatOptions(
                r.string("relay.source.name", "relay"),
                r.oneOf("relay.source.db-type", "mysql", "mysql", "ob_mysql").toUpperCase(Locale.ROOT),
                r.string("relay.source.tenant", ""),
                timeZone);
    }

    public String qualifiedDatabase(String database) {
        return tenant.isEmpty() ? database : tenant + "." + database;
    }
}
