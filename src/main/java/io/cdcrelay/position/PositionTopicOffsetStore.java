package io.cdcrelay.position;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.debezium.embedded.KafkaConnectUtil;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.KafkaOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetBackingStore;
import org.apache.kafka.connect.util.Callback;

/**
 * Debezium's offset store under {@code relay.delivery.guarantee=exactly-once}: a position the Kafka sink
 * committed into the positions topic, together with the changes before it, wins; the engine's own store of
 * {@code relay.state.store} (its offset file, or its offsets topic) answers only for what the positions topic does
 * not hold yet (a first start, a start timestamp's seeded position, or a relay switched from at-least-once).
 *
 * <p>The engine keeps writing its offsets into its own store, after the broker acknowledged them, as it always
 * does; those can lag the committed position after a crash, never pass it, which is why the positions topic
 * wins. The engine makes a new store at every session start, so every session begins at the last committed
 * position.
 */
public final class PositionTopicOffsetStore implements OffsetBackingStore {

    /** Engine property: the positions topic. */
    public static final String TOPIC = "relay.positions.topic";
    /** Engine properties under this prefix are the positions consumer's settings (bootstrap servers, security). */
    public static final String CLIENT = "relay.positions.client.";
    /** Engine property: the class of the engine's own store, which this one wraps. */
    public static final String OWN_STORE = "relay.positions.own-store";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private OffsetBackingStore own;
    private final Map<String, Object> client = new HashMap<>();
    private String topic;
    private Map<ByteBuffer, ByteBuffer> committed = Map.of();

    /**
     * The engine properties that make Debezium use this store, reading {@code topic} with {@code client}, in front
     * of the engine's own store {@code ownStore} (a class name).
     */
    public static Properties engineProperties(String topic, Map<String, String> client, String ownStore) {
        Properties properties = new Properties();
        properties.setProperty("offset.storage", PositionTopicOffsetStore.class.getName());
        properties.setProperty(OWN_STORE, ownStore);
        properties.setProperty(TOPIC, topic);
        client.forEach((k, v) -> properties.setProperty(CLIENT + k, v));
        return properties;
    }

    @Override
    public void configure(WorkerConfig config) {
        own = ownStore(config);
        own.configure(config);
        config.originals().forEach((key, value) -> {
            if (key.startsWith(CLIENT)) {
                client.put(key.substring(CLIENT.length()), value);
            }
        });
        topic = (String) config.originals().get(TOPIC);
        if (topic == null || client.isEmpty()) {
            throw new ConnectException(PositionTopicOffsetStore.class.getSimpleName() + " needs " + TOPIC + " and "
                    + CLIENT + "bootstrap.servers");
        }
    }

    @Override
    public void start() {
        own.start();
        committed = Map.copyOf(new PositionsReader(client, topic, READ_TIMEOUT).readAll());
    }

    @Override
    public void stop() {
        own.stop();
    }

    @Override
    public Future<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        Map<ByteBuffer, ByteBuffer> found = new HashMap<>();
        List<ByteBuffer> notCommitted = keys.stream().filter(k -> !committed.containsKey(k)).toList();
        keys.stream().filter(committed::containsKey).forEach(k -> found.put(k, committed.get(k)));
        if (!notCommitted.isEmpty()) {
            try {
                own.get(notCommitted).get().forEach((k, v) -> {
                    if (v != null) {
                        found.put(k, v);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            } catch (ExecutionException e) {
                return CompletableFuture.failedFuture(e.getCause());
            }
        }
        return CompletableFuture.completedFuture(found);
    }

    @Override
    public Future<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
        return own.set(values, callback);
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return own.connectorPartitions(connectorName);
    }

    /** As Debezium's engine makes the stores it knows (relay.state.store is file or kafka). */
    private static OffsetBackingStore ownStore(WorkerConfig config) {
        Object kind = config.originals().get(OWN_STORE);
        if (KafkaOffsetBackingStore.class.getName().equals(kind)) {
            Map<String, String> engine = new HashMap<>();
            config.originals().forEach((k, v) -> engine.put(k, String.valueOf(v)));
            return KafkaConnectUtil.kafkaOffsetBackingStore(engine);
        }
        if (kind == null || OffsetStorage.isFileStore(kind.toString())) {
            return new AtomicOffsetFileStore();
        }
        throw new ConnectException(PositionTopicOffsetStore.class.getSimpleName() + " wraps the file or Kafka "
                + "offset store, not " + kind);
    }
}
