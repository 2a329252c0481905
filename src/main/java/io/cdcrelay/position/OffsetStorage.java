package io.cdcrelay.position;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.topic.KafkaTopics;
import io.debezium.embedded.EmbeddedWorkerConfig;
import io.debezium.embedded.KafkaConnectUtil;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.KafkaOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetBackingStore;
import org.apache.kafka.connect.util.SharedTopicAdmin;

/**
 * Where the engine keeps its offsets, read from the engine's own properties: the relay reads and seeds positions
 * in the very store, topic and layout the engine then uses (Kafka Connect's JSON key {@code [engine name,
 * partition]} and JSON value), whichever of the file or the Kafka topic that is.
 */
public final class OffsetStorage {

    /** The relay's own file store; Kafka's, which reads and writes the same file, is still understood. */
    public static final String FILE_STORE = AtomicOffsetFileStore.class.getName();
    static final String KAFKA_FILE_STORE = FileOffsetBackingStore.class.getName();
    public static final String KAFKA_STORE = KafkaOffsetBackingStore.class.getName();
    private static final String STORE = "offset.storage";
    private static final String FILE_NAME = AtomicOffsetFileStore.FILE_NAME;
    private static final Duration TOPIC_LOOKUP = Duration.ofSeconds(30);

    private final Map<String, String> engine;
    /** Whether {@link #open} opens the positions topic in front of the engine's own store (exactly-once). */
    private final boolean behindPositions;

    private OffsetStorage(Map<String, String> engine) {
        this(engine, false);
    }

    private OffsetStorage(Map<String, String> engine, boolean behindPositions) {
        this.engine = Map.copyOf(engine);
        this.behindPositions = behindPositions;
    }

    /** The store the engine with these properties uses. */
    public static OffsetStorage of(Properties engineProperties) {
        Map<String, String> engine = new HashMap<>();
        engineProperties.stringPropertyNames().forEach(k -> engine.put(k, engineProperties.getProperty(k)));
        return new OffsetStorage(engine);
    }

    /** An offset file, as {@code relay.state.store=file} keeps it. */
    public static OffsetStorage file(Path file) {
        return new OffsetStorage(Map.of(STORE, FILE_STORE, FILE_NAME, file.toAbsolutePath().toString()));
    }

    /**
     * This store behind the positions topic, as the engine reads its start under exactly-once: a position committed
     * there wins. Only for reading: a position seeded through it would still go to this store alone.
     */
    public OffsetStorage behindPositions(String topic, Map<String, String> client) {
        Map<String, String> wrapped = new HashMap<>(engine);
        PositionTopicOffsetStore.engineProperties(topic, client, kind())
                .forEach((k, v) -> wrapped.put((String) k, (String) v));
        return new OffsetStorage(wrapped, true);
    }

    /**
     * Whether offsets may be saved: a file store whose file is missing has none, nor a Kafka store whose topic is
     * missing. Neither is created by asking (Kafka's store would create its topic on start: {@code --precheck}
     * must create nothing).
     */
    boolean mayHoldOffsets() {
        if (isFile()) {
            return behindPositions || Files.exists(Path.of(engine.get(FILE_NAME)));
        }
        if (!kind().equals(KAFKA_STORE)) {
            // opening it says which stores the relay can read
            return true;
        }
        Properties admin = KafkaTopics.adminProperties(engine.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                engine);
        admin.put(CommonClientConfigs.CLIENT_ID_CONFIG, "cdc-relay-offsets-admin");
        try (Admin client = Admin.create(admin)) {
            return client.listTopics().names().get(TOPIC_LOOKUP.toMillis(), TimeUnit.MILLISECONDS)
                    .contains(engine.get("offset.storage.topic"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for the offsets topic", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of " + engine.get(CommonClientConfigs
                    .BOOTSTRAP_SERVERS_CONFIG) + " to find the offsets topic: " + e.getMessage(), e);
        }
    }

    /** For log lines: the file, or the topic and its cluster. */
    @Override
    public String toString() {
        String own = isFile() ? engine.get(FILE_NAME)
                : "topic " + engine.get("offset.storage.topic") + " at " + engine.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return behindPositions ? "positions topic " + engine.get(PositionTopicOffsetStore.TOPIC) + ", then " + own : own;
    }

    /** The store, configured and started; closing it stops it. */
    Open open() {
        if (behindPositions) {
            PositionTopicOffsetStore store = new PositionTopicOffsetStore();
            store.configure(new EmbeddedWorkerConfig(new HashMap<>(engine)));
            startRefusingUnreadable(store);
            return new Open(store, null);
        }
        if (isFile()) {
            AtomicOffsetFileStore store = new AtomicOffsetFileStore();
            store.configure(new EmbeddedWorkerConfig(new HashMap<>(Map.of(FILE_NAME, engine.get(FILE_NAME)))));
            startRefusingUnreadable(store);
            return new Open(store, null);
        }
        if (!kind().equals(KAFKA_STORE)) {
            throw new SettingsException("relay.incremental.start-timestamp needs the offsets in a file or in Kafka, "
                    + "but relay.source.debezium.offset.storage=" + engine.get(STORE) + ": remove that key and choose "
                    + "the store with relay.state.store.");
        }
        // as Debezium's engine builds it, but with an admin client of our own that is closed with the store
        Map<String, Object> adminProperties = new HashMap<>(engine);
        adminProperties.put(CommonClientConfigs.CLIENT_ID_CONFIG, "cdc-relay-offsets-admin");
        SharedTopicAdmin admin = new SharedTopicAdmin(adminProperties);
        try {
            KafkaOffsetBackingStore store = new KafkaOffsetBackingStore(admin, () -> "cdc-relay-",
                    KafkaConnectUtil.converterForOffsetStore());
            store.configure(new EmbeddedWorkerConfig(new HashMap<>(engine)));
            store.start();
            return new Open(store, admin);
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    /**
     * Starts {@code store}; an offset file it cannot read stops the relay's start with one sentence, as the engine
     * would otherwise fail on it at every session start.
     */
    private static void startRefusingUnreadable(OffsetBackingStore store) {
        try {
            store.start();
        } catch (AtomicOffsetFileStore.UnreadableOffsetFileException e) {
            store.stop();
            throw new SettingsException(e.getMessage() + "; the relay does not take it for a first start, which "
                    + "would copy the tables again and skip what changed since the saved position: restore the file "
                    + "from a backup, or move it and the schema history beside it away to start afresh as "
                    + "relay.sync-types says");
        }
    }

    /**
     * The file store, or a store of the relay's own that wraps it (one that looks a position up elsewhere first
     * still saves the engine's offsets into the file): the file is where a seeded position is written and read.
     */
    private boolean isFile() {
        String kind = kind();
        return isFileStore(kind) || !kind.equals(KAFKA_STORE) && engine.containsKey(FILE_NAME);
    }

    /** Whether {@code kind} names a store of the offset file: the relay's own, or Kafka's that it replaces. */
    static boolean isFileStore(String kind) {
        return kind.equals(FILE_STORE) || kind.equals(KAFKA_FILE_STORE);
    }

    /** The engine's store class; for exactly-once's positions store, the engine's own store it wraps. */
    private String kind() {
        String kind = engine.getOrDefault(STORE, FILE_STORE);
        return kind.equals(PositionTopicOffsetStore.class.getName())
                ? engine.getOrDefault(PositionTopicOffsetStore.OWN_STORE, FILE_STORE) : kind;
    }

    /** A started store and the admin client it borrowed, stopped and closed together. */
    record Open(OffsetBackingStore store, SharedTopicAdmin admin) implements AutoCloseable {

        @Override
        public void close() {
            try {
                store.stop();
            } finally {
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }
}
