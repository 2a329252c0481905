/**
 * Kafka → Kafka mirroring: which source topics are mirrored, the destination topic rule
 * ({@code #{source_topic_name}}) and the partition policies (zero, same, round-robin).
 */
package io.cdcrelay.mirror;
