package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.debezium.config.Configuration;
import io.debezium.relational.history.AbstractSchemaHistory;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import io.debezium.storage.file.history.FileSchemaHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairingFileSchemaHistoryTest {

    private static final String WHOLE = "{\"ddl\":\"CREATE TABLE a (id INT)\"}\n{\"ddl\":\"CREATE TABLE b (id INT)\"}\n";
    private static final String TORN = "{\"ddl\":\"ALTER TABLE a ADD c";

    @Test
    void aRecordCutShortByAKillIsDroppedAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema-history-shop.dat");
        Files.writeString(file, WHOLE + TORN);
        assertThatThrownBy(() -> started(new FileSchemaHistory(), file)).as("Debezium's own store")
                .isInstanceOf(SchemaHistoryException.class);

        RepairingFileSchemaHistory history = new RepairingFileSchemaHistory();
        started(history, file);
        history.stop();

        assertThat(Files.readString(file)).isEqualTo(WHOLE);
    }

    @Test
    void aWholeFileIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema-history-shop.dat");
        Files.writeString(file, WHOLE);

        assertThat(RepairingFileSchemaHistory.dropUnfinishedLastLine(file)).isZero();
        assertThat(RepairingFileSchemaHistory.dropUnfinishedLastLine(dir.resolve("missing.dat"))).isZero();
        assertThat(Files.readString(file)).isEqualTo(WHOLE);
    }

    @Test
    void anUnfinishedLineLongerThanOneReadIsFoundAndCut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema-history-shop.dat");
        String longTorn = TORN + "x".repeat(200_000);
        Files.writeString(file, WHOLE + longTorn);

        assertThat(RepairingFileSchemaHistory.dropUnfinishedLastLine(file))
                .isEqualTo(longTorn.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Files.readString(file)).isEqualTo(WHOLE);
        Files.writeString(file, TORN);
        assertThat(RepairingFileSchemaHistory.dropUnfinishedLastLine(file)).isEqualTo(TORN.length());
        assertThat(Files.size(file)).isZero();
    }

    private static void started(FileSchemaHistory history, Path file) {
        history.configure(Configuration.create()
                .with(FileSchemaHistory.FILE_PATH, file.toString())
                .with(AbstractSchemaHistory.NAME, "shop-history")
                .build(), HistoryRecordComparator.INSTANCE, SchemaHistoryListener.NOOP, false);
        history.start();
    }
}
