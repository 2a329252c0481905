package io.cdcrelay.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.position.OffsetStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetStorageTest {

    @Test
    void aStoreThatWrapsTheEnginesFileIsSeededAndReadThroughTheFile(@TempDir Path dir) {
        Path file = dir.resolve("offsets-shop.dat");
        OffsetStorage storage = OffsetStorage.of(engine("com.example.PositionFirstOffsetStore",
                "offset.storage.file.filename", file.toString()));
        OffsetSeeder seeder = new OffsetSeeder(storage, "shop", "shop");

        seeder.seed(Map.of("file", "mariadb-bin.000003", "pos", 4L));

        assertThat(storage.toString()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(new OffsetSeeder(OffsetStorage.file(file), "shop", "shop").saved().orElseThrow())
                .containsEntry("pos", 4L);
    }

    @Test
    void anOffsetStoreThatIsNeitherAFileNorKafkaCannotBeSeeded() {
        OffsetSeeder seeder = new OffsetSeeder(OffsetStorage.of(engine(
                "org.apache.kafka.connect.storage.MemoryOffsetBackingStore")), "shop", "shop");

        assertThatThrownBy(seeder::saved).isInstanceOf(SettingsException.class).hasMessage("relay.incremental"
                + ".start-timestamp needs the offsets in a file or in Kafka, but relay.source.debezium.offset.storage="
                + "org.apache.kafka.connect.storage.MemoryOffsetBackingStore: remove that key and choose the store with "
                + "relay.state.store.");
    }

    private static Properties engine(String store, String... keysAndValues) {
        Properties p = new Properties();
        p.setProperty("offset.storage", store);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }
}
