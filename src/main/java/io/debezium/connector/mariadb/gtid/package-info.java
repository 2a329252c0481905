/**
 * A class of Debezium's MariaDB connector that cdc-relay carries with a fix Debezium released only in a version
 * whose MariaDB connector is not served here ({@link io.debezium.connector.mariadb.gtid.MariaDbGtidSet}: GTID
 * containment per domain, which a failover to a promoted replica needs). The shaded jar leaves Debezium's own copy
 * out; {@code io.cdcrelay.capture.CarriedDebeziumClassesTest} pins the Debezium version it was taken from.
 */
package io.debezium.connector.mariadb.gtid;
