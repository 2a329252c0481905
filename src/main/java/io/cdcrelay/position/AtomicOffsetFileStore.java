package io.cdcrelay.position;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.debezium.embedded.KafkaConnectUtil;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetUtils;

/**
 * The engine's offsets in a file, as Kafka Connect's {@code FileOffsetBackingStore} keeps them (the same
 * serialized map, so either reads the other's file), but replaced whole on each save and refused when unreadable.
 *
 * <p>Kafka's store truncates the file and writes it again in place, and reads a file that ends early as "no
 * offsets": a relay killed between the two started over with a snapshot, as if new, and the changes between its
 * last snapshot-free position and the kill were never sent (KillSoakIT, at-least-once, one run in a few). Here a
 * save writes a sibling file, forces it to disk and renames it over the old one, so the file always holds one
 * complete save; and a file that cannot be read stops the start instead of being taken for a first start.
 */
public final class AtomicOffsetFileStore extends MemoryOffsetBackingStore {

    static final String FILE_NAME = "offset.storage.file.filename";
    /** Kafka's file holds a {@code HashMap<byte[], byte[]>}; nothing else is deserialized from it. */
    private static final ObjectInputFilter ONLY_BYTE_MAP =
            ObjectInputFilter.Config.createFilter("java.util.HashMap;java.util.Map$Entry;[B;maxdepth=3;!*");

    private final Converter keyConverter = KafkaConnectUtil.converterForOffsetStore();
    private final Map<String, Set<Map<String, Object>>> partitions = new HashMap<>();
    private Path file;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Object name = config.originals().get(FILE_NAME);
        if (name == null) {
            throw new ConnectException(AtomicOffsetFileStore.class.getSimpleName() + " needs " + FILE_NAME);
        }
        file = Path.of(name.toString()).toAbsolutePath();
    }

    @Override
    public void start() {
        super.start();
        data.clear();
        partitions.clear();
        read().forEach((key, value) -> {
            data.put(ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value));
            OffsetUtils.processPartitionKey(key, value, keyConverter, partitions);
        });
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return partitions.getOrDefault(connectorName, Set.of());
    }

    /** Runs on the store's single executor thread, after {@code set} put the new offsets into {@code data}. */
    @Override
    protected void save() {
        Map<byte[], byte[]> raw = new HashMap<>();
        data.forEach((key, value) -> {
            byte[] k = key == null ? null : key.array();
            byte[] v = value == null ? null : value.array();
            raw.put(k, v);
            OffsetUtils.processPartitionKey(k, v, keyConverter, partitions);
        });
        try {
            write(serialized(raw));
        } catch (IOException e) {
            throw new ConnectException("cannot save the offsets into " + file + ": " + e.getMessage(), e);
        }
    }

    /** The saved offsets; none when the file does not exist. */
    @SuppressWarnings("unchecked")
    private Map<byte[], byte[]> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UnreadableOffsetFileException(file, e.toString(), e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_BYTE_MAP);
            Object saved = in.readObject();
            if (!(saved instanceof HashMap<?, ?>)) {
                throw new UnreadableOffsetFileException(file, "it holds a " + saved.getClass().getName(), null);
            }
            return (Map<byte[], byte[]>) saved;
        } catch (IOException | ClassNotFoundException e) {
            String why = bytes.length == 0 ? "it is empty"
                    : e instanceof InvalidClassException ? "it holds more than offsets (" + e.getMessage() + ")"
                    : "its " + bytes.length + " bytes end early or are damaged (" + e + ")";
            throw new UnreadableOffsetFileException(file, why, e);
        }
    }

    private static byte[] serialized(Map<byte[], byte[]> raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(raw);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes {@code bytes} next to the file, forces them to disk and renames them over it: a crash leaves the old
     * save or the new one, never a part of either. Forced because a rename may reach the disk before the data it
     * names; a power cut would otherwise leave an empty file behind a completed rename.
     */
    private void write(byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The offset file exists but holds no complete save: starting as if new would resend or lose changes. */
    public static final class UnreadableOffsetFileException extends ConnectException {

        UnreadableOffsetFileException(Path file, String why, Throwable cause) {
            super("the offset file " + file + " cannot be read: " + why, cause);
        }
    }
}
