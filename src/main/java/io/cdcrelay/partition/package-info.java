/**
 * Where a change goes inside its topic: the message key, Kafka's murmur2 hash and rule Hash. Pure
 * functions of the key values and the partition count.
 */
package io.cdcrelay.partition;
