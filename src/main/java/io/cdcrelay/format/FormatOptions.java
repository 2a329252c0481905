package io.cdcrelay.format;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * What the formats carry besides the change itself.
 *
 * @param sourceIdentity      {@code relay.source.name}
 * @param dbType              {@code MYSQL} or {@code OB_MYSQL} ({@code relay.source.db-type})
 * @param tenant              {@code relay.source.tenant}; when set, databases are written {@code tenant.database}
 * @param clusterId           {@code relay.source.cluster-id}
 * @param dbVersion           the source server's version, as DataWorks' {@code dbVersion}; asked when first needed
 * @param timeZone            {@code relay.time-zone}
 * @param transactionSequence {@code relay.transaction-sequence}
 * @param debeziumSchemas     {@code relay.format.debezium.schemas}
 * @param clock               for the times a message is built at
 */
public record FormatOptions(String sourceIdentity, String dbType, String tenant, String clusterId,
        Supplier<String> dbVersion, ZoneId timeZone, boolean transactionSequence, boolean debeziumSchemas, Clock clock) {

    public String qualifiedDatabase(String database) {
        return tenant.isEmpty() ? database : tenant + "." + database;
    }
}
