package io.cdcrelay.capture;

import io.debezium.embedded.KafkaConnectUtil;
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
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetBackingStore;
import org.apache.kafka.connect.util.Callback;

/**
 * Debezium's offset store under {@code relay.delivery.guarantee=exactly-once}: a position the Kafka sink
 * committed into the positions topic, together with the changes before it, wins; the engine's own offset file
 * answers only for what the topic does not hold yet (a first start, a start timestamp's seeded position, or a
 * relay switched from at-least-once).
 *
 * <p>The engine keeps writing its offsets into the file, after the broker acknowledged them, as it always does;
 * those can lag the committed position after a crash, never pass it, which is why the topic wins. The engine
 * makes a new store at every session start, so every session begins at the last committed position.
 */
public final class PositionTopicOffsetStore implements OffsetBackingStore {

    /** Engine property: the positions topic. */
    static final String TOPIC = "relay.positions.topic";
    /** Engine properties under this prefix are the positions consumer's settings (bootstrap servers, security). */
    static final String CLIENT = "relay.positions.client.";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final FileOffsetBackingStore file = KafkaConnectUtil.fileOffsetBackingStore();
    private final Map<String, Object> client = new HashMap<>();
    private String topic;
    private Map<ByteBuffer, ByteBuffer> committed = Map.of();

    /** The engine properties that make Debezium use this store, reading {@code topic} with {@code client}. */
    public static Properties engineProperties(String topic, Map<String, String> client) {
        Properties properties = new Properties();
        properties.setProperty("offset.storage", PositionTopicOffsetStore.class.getName());
        properties.setProperty(TOPIC, topic);
        client.forEach((k, v) -> properties.setProperty(CLIENT + k, v));
        return properties;
    }

    @Override
    public void configure(WorkerConfig config) {
        file.configure(config);
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
        file.start();
        committed = Map.copyOf(new PositionsReader(client, topic, READ_TIMEOUT).readAll());
    }

    @Override
    public void stop() {
        file.stop();
    }

    @Override
    public Future<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        Map<ByteBuffer, ByteBuffer> found = new HashMap<>();
        List<ByteBuffer> notCommitted = keys.stream().filter(k -> !committed.containsKey(k)).toList();
        keys.stream().filter(committed::containsKey).forEach(k -> found.put(k, committed.get(k)));
        if (!notCommitted.isEmpty()) {
            try {
                file.get(notCommitted).get().forEach((k, v) -> {
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
        return file.set(values, callback);
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return file.connectorPartitions(connectorName);
    }
}
