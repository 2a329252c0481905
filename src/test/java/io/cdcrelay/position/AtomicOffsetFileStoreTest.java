package io.cdcrelay.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.position.AtomicOffsetFileStore;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.position.OffsetStorage;
import io.debezium.embedded.EmbeddedWorkerConfig;
import io.debezium.embedded.KafkaConnectUtil;
import org.apache.kafka.connect.storage.OffsetBackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOffsetFileStoreTest {

    private static final ByteBuffer KEY = bytes("[\"shop\",{\"server\":\"shop\"}]");
    private static final ByteBuffer POSITION = bytes("{\"file\":\"mariadb-bin.000003\",\"pos\":4711}");

    @Test
    void aSavedPositionIsReadBackByTheNextStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/offsets-shop.dat");
        save(new AtomicOffsetFileStore(), file, POSITION);

        assertThat(read(new AtomicOffsetFileStore(), file)).isEqualTo(POSITION);
        assertThat(new AtomicOffsetFileStore()).satisfies(store -> {
            started(store, file);
            assertThat(store.connectorPartitions("shop")).containsExactly(Map.of("server", "shop"));
            store.stop();
        });
    }

    @Test
    void aSaveReplacesTheFileWholeAndLeavesNothingBeside(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offsets-shop.dat");
        save(new AtomicOffsetFileStore(), file, POSITION);
        ByteBuffer later = bytes("{\"file\":\"mariadb-bin.000004\",\"pos\":4}");
        save(new AtomicOffsetFileStore(), file, later);

        assertThat(read(new AtomicOffsetFileStore(), file)).isEqualTo(later);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("offsets-shop.dat");
        }
    }

    @Test
    void aSaveCutShortByACrashLeavesThePreviousSaveReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offsets-shop.dat");
        save(new AtomicOffsetFileStore(), file, POSITION);
        // what a kill between writing and renaming leaves
        Files.write(dir.resolve("offsets-shop.dat.next"), new byte[] {(byte) 0xac, (byte) 0xed});

        assertThat(read(new AtomicOffsetFileStore(), file)).isEqualTo(POSITION);
    }

    @Test
    void theFileIsTheOneKafkaConnectsFileStoreReadsAndWrites(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("ours.dat");
        Path kafkas = dir.resolve("kafkas.dat");
        save(new AtomicOffsetFileStore(), ours, POSITION);
        save(KafkaConnectUtil.fileOffsetBackingStore(), kafkas, POSITION);

        assertThat(read(KafkaConnectUtil.fileOffsetBackingStore(), ours)).isEqualTo(POSITION);
        assertThat(read(new AtomicOffsetFileStore(), kafkas)).isEqualTo(POSITION);
    }

    @Test
    void aFileThatEndsEarlyIsRefusedInsteadOfTakenForAFirstStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offsets-shop.dat");
        save(KafkaConnectUtil.fileOffsetBackingStore(), file, POSITION);
        byte[] whole = Files.readAllBytes(file);
        // Kafka's store truncates and rewrites in place: a kill in between leaves the stream header alone
        Files.write(file, Arrays.copyOf(whole, 4));

        assertThatThrownBy(() -> started(new AtomicOffsetFileStore(), file))
                .isInstanceOf(AtomicOffsetFileStore.UnreadableOffsetFileException.class)
                .hasMessageStartingWith("the offset file " + file.toAbsolutePath() + " cannot be read: its 4 bytes end early");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> started(new AtomicOffsetFileStore(), file))
                .hasMessage("the offset file " + file.toAbsolutePath() + " cannot be read: it is empty");
    }

    @Test
    void aFileHoldingOtherObjectsIsNotDeserialized(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offsets-shop.dat");
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(new HashMap<>(Map.of(new byte[] {1}, List.of(new java.util.Date()))));
        }

        assertThatThrownBy(() -> started(new AtomicOffsetFileStore(), file))
                .isInstanceOf(AtomicOffsetFileStore.UnreadableOffsetFileException.class)
                .hasMessageContaining("it holds more than offsets");
    }

    @Test
    void anUnreadableFileStopsTheRelaysStartWithOneSentence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offsets-shop.dat");
        Files.write(file, new byte[0]);
        OffsetSeeder seeder = new OffsetSeeder(OffsetStorage.file(file), "shop", "shop");

        assertThatThrownBy(seeder::saved).isInstanceOf(SettingsException.class).hasMessage("the offset file "
                + file.toAbsolutePath() + " cannot be read: it is empty; the relay does not take it for a first "
                + "start, which would copy the tables again and skip what changed since the saved position: restore "
                + "the file from a backup, or move it and the schema history beside it away to start afresh as "
                + "relay.sync-types says");
    }

    private static void save(OffsetBackingStore store, Path file, ByteBuffer value) throws Exception {
        started(store, file);
        try {
            store.set(Map.of(KEY, value), null).get(10, TimeUnit.SECONDS);
        } finally {
            store.stop();
        }
    }

    private static ByteBuffer read(OffsetBackingStore store, Path file) throws Exception {
        started(store, file);
        try {
            return store.get(List.of(KEY)).get(10, TimeUnit.SECONDS).get(KEY);
        } finally {
            store.stop();
        }
    }

    private static void started(OffsetBackingStore store, Path file) {
        store.configure(new EmbeddedWorkerConfig(new HashMap<>(Map.of(AtomicOffsetFileStore.FILE_NAME,
                file.toString()))));
        store.start();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
