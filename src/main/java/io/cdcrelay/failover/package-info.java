/**
 * Following the database to a promoted replica: which of the servers in {@code relay.source.host} the relay reads,
 * and whether another may take over. A server is used only while it is a writable primary (not read-only, not
 * replicating) whose binlog holds the relay's saved GTID position; one that lacks it is never read, because
 * continuing there would skip or invent changes. What each server is ({@link io.cdcrelay.failover.ServerStanding})
 * is read by one query set per flavor; the GTID arithmetic of MariaDB is pure ({@link io.cdcrelay.failover.MariaDbGtids}).
 */
package io.cdcrelay.failover;
