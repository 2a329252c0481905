/**
 * Kafka → Kafka mirroring ({@code routes/kafka-mirror.camel.yaml}): the {@code kafka-mirror} Camel component
 * (a source consumer that commits a group offset only after the destination acknowledged the record, and a
 * byte-for-byte destination producer), the start position of new partitions, the destination topic rule
 * ({@code #{source_topic_name}}) with topic creation, and the partition policies (zero, same, round-robin).
 */
package io.cdcrelay.mirror;
