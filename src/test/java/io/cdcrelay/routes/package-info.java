/**
 * Route tests: the relay's own YAML files from {@code routes/}, loaded by Camel Main ({@code camel-test-main-junit5})
 * with the step beans the relay binds, between a source the test feeds like the Debezium consumer does and a
 * recording sink (alone, or in front of the real Kafka sink over Kafka's MockProducer). No server runs: they check
 * what the route files and the steps promise together (key-change order, every-partition messages, dead-letter
 * parking, a filtered change completing), at unit-test speed.
 */
package io.cdcrelay.routes;
