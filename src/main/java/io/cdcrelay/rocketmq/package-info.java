/**
 * The RocketMQ destination: an ordered, batching sender (one batch in flight per message queue, so a
 * queue keeps the order of its messages), the transport on rocketmq-client, queue counts and topic
 * creation, and the few admin requests these need, sent through the client's own API rather than rocketmq-tools.
 * camel-rocketmq cannot choose a message queue, so it cannot keep per-key order.
 */
package io.cdcrelay.rocketmq;
