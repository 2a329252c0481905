/**
 * High availability of the CDC side: several relays of one source, of which the one that Camel's cluster service
 * elects reads the binlog ({@code relay.ha.*}). The election is Camel's ({@code FileLockClusterService},
 * {@code KubernetesClusterService}, {@code ZooKeeperClusterService}); this package chooses and configures it,
 * puts the binlog routes under its {@code ClusteredRoutePolicy}, and tells operators who leads.
 */
package io.cdcrelay.ha;
