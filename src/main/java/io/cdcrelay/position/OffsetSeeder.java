package io.cdcrelay.position;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.position.BinlogStartChooser.Position;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.OffsetStorageReaderImpl;
import org.apache.kafka.connect.storage.OffsetStorageWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Debezium start at a chosen binlog position by writing it into the engine's offset store before the
 * first start, in the engine's own format (Kafka Connect's offset store, file or Kafka topic, keyed by the
 * engine name and the connector's partition {@code {"server": <topic prefix>}}). A saved offset is never
 * replaced: a restart continues from where the relay got to.
 *
 * <p>The seeded offset carries the marker {@value #MARKER}. Debezium writes its own offsets without it, so as
 * long as the marker is there the relay has not yet saved a position of its own; that start then still needs
 * the schema captured (snapshot mode {@code recovery}, see {@code capture.DebeziumSourceConfiguration}).
 */
public final class OffsetSeeder {

    /** Key of the seeded offset holding the start timestamp it was chosen for, in epoch seconds. */
    static final String MARKER = "relay_start_timestamp";

    private static final Logger LOG = LoggerFactory.getLogger(OffsetSeeder.class);

    /** Where a relay with a start timestamp stands at this start. */
    enum StartState {
        /** No saved offset: locate the position and seed it. */
        FRESH,
        /** The seeded offset is still the saved one: the relay has not saved a position of its own yet. */
        SEEDED,
        /** Debezium saved a position: continue from it. */
        SAVED
    }

    private final OffsetStorage storage;
    private final String engineName;
    private final Map<String, Object> partition;

    /**
     * @param engineName the Debezium engine's {@code name} (the offset namespace)
     * @param serverName the connector's {@code topic.prefix} (its source partition)
     */
    public OffsetSeeder(OffsetStorage storage, String engineName, String serverName) {
        this.storage = storage;
        this.engineName = engineName;
        this.partition = Map.of("server", serverName);
    }

    /**
     * Before the engine starts: with {@code relay.incremental.start-timestamp} set and no saved offset, finds
     * the position in the source's binlog and seeds it into the engine's offset store.
     *
     * @return whether this start begins at a seeded position the relay has not moved from yet
     */
    public static boolean seedIfFirstStart(SourceSettings source, OffsetStorage storage,
            Optional<Instant> startTimestamp) {
        return new OffsetSeeder(storage, source.name(), source.name())
                .prepare(startTimestamp, new BinlogStartLocator(source)::locate);
    }

    /**
     * With a start timestamp and no saved offset, finds the position with {@code locate} and seeds it.
     *
     * @return whether this start begins at a seeded position the relay has not moved from yet, so the engine
     *         must capture the schema before streaming from it
     */
    boolean prepare(Optional<Instant> startTimestamp, Function<Instant, Position> locate) {
        if (startTimestamp.isEmpty()) {
            return false;
        }
        Optional<Map<String, Object>> saved = saved();
        switch (stateOf(saved)) {
            case FRESH -> {
                Position position = locate.apply(startTimestamp.get());
                seed(offsetOf(position, startTimestamp.get()));
                LOG.info("Seeded the binlog position {}:{} for {}={} in {}", position.file(), position.position(),
                        BinlogStartLocator.KEY, startTimestamp.get(), storage);
                return true;
            }
            case SEEDED -> {
                LOG.info("Starting at the binlog position seeded for {}={} ({}:{}), not moved from yet",
                        BinlogStartLocator.KEY, Instant.ofEpochSecond(((Number) saved.get().get(MARKER)).longValue()),
                        saved.get().get("file"), saved.get().get("pos"));
                return true;
            }
            default -> {
                LOG.info("{} does not apply: continuing from the saved position {}:{} in {}", BinlogStartLocator.KEY,
                        saved.get().get("file"), saved.get().get("pos"), storage);
                return false;
            }
        }
    }

    /**
     * Whether the engine's saved offset is still the seeded one: checked at every engine start, since snapshot
     * mode {@code recovery} must give way to {@code no_data} once the relay saved a position of its own (an engine
     * restarted after a failure in the same run).
     */
    public static boolean stillSeeded(OffsetStorage storage, String engineName, String serverName) {
        return stateOf(new OffsetSeeder(storage, engineName, serverName).saved()) == StartState.SEEDED;
    }

    static StartState stateOf(Optional<? extends Map<String, ?>> saved) {
        if (saved.isEmpty()) {
            return StartState.FRESH;
        }
        return saved.get().containsKey(MARKER) ? StartState.SEEDED : StartState.SAVED;
    }

    /** The offset Debezium's binlog connectors load: file, position, and the GTID set before it when there is one. */
    static Map<String, Object> offsetOf(Position position, Instant startTimestamp) {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("file", position.file());
        offset.put("pos", position.position());
        if (!position.gtids().isEmpty()) {
            offset.put("gtids", position.gtids());
        }
        offset.put(MARKER, startTimestamp.getEpochSecond());
        return offset;
    }

    /** The saved offset of this engine and connector, if any. */
    public Optional<Map<String, Object>> saved() {
        if (!storage.mayHoldOffsets()) {
            return Optional.empty();
        }
        try (OffsetStorage.Open open = storage.open()) {
            Map<String, Object> offset = new OffsetStorageReaderImpl(open.store(), engineName, converter(true),
                    converter(false)).offset(partition);
            return Optional.ofNullable(offset).filter(o -> !o.isEmpty());
        }
    }

    void seed(Map<String, Object> offset) {
        try (OffsetStorage.Open open = storage.open()) {
            OffsetStorageWriter writer = new OffsetStorageWriter(open.store(), engineName, converter(true),
                    converter(false));
            writer.offset(partition, offset);
            writer.beginFlush(10, TimeUnit.SECONDS);
            writer.doFlush((error, result) -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the start position into " + storage + ": " + e.getMessage(),
                    e);
        }
    }

    /** The engine's offset converters: JSON without schemas. */
    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), isKey);
        return converter;
    }
}
