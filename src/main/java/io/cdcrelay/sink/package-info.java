/**
 * Where the routes' changes leave the relay: {@link io.cdcrelay.sink.Outgoing}, the one typed record the route's
 * steps enrich (change, topic, target partition or every partition, key, headers, rendered value); the
 * {@link io.cdcrelay.sink.ChangeSink} interface with one class per broker; and the {@code sink:changes} endpoint
 * that ends both the CDC and the heartbeat route, whichever broker {@code relay.sink} names.
 *
 * <p>A sink owns its transport: Kafka its producer and dead-letter topic, RocketMQ its ordered queues. Each
 * reports a message acknowledged only when the broker stored every copy of it, which is what lets the source
 * save its position.
 */
package io.cdcrelay.sink;
