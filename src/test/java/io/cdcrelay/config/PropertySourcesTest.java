package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertySourcesTest {

    @TempDir
    Path dir;

    @Test
    void laterLayersWinBundledThenEntryPointThenFileThenEnvironmentThenSystemProperties() throws IOException {
        Path file = dir.resolve("relay.properties");
        Files.writeString(file, "relay.topic.partitions=6\nrelay.format=from-file\nrelay.topic.replication-factor=2\n");
        Properties entry = new Properties();
        entry.setProperty("relay.embedded", "true");
        entry.setProperty("relay.format", "from-entry");
        Map<String, String> environment = Map.of(
                "RELAY_TOPIC_REPLICATION_FACTOR", "3",
                "RELAY_TOPIC_PARTITIONS", "7",
                "PATH", "/usr/bin");
        Properties system = new Properties();
        system.setProperty("relay.topic.partitions", "9");
        system.setProperty("java.version", "ignored");

        Properties merged = new PropertySources(entry, environment, system).load(Optional.of(file));

        assertThat(merged.getProperty("relay.topic.name")).as("bundled").isEqualTo("Topic_${database}_${table}");
        assertThat(merged.getProperty("relay.embedded")).as("entry point").isEqualTo("true");
        assertThat(merged.getProperty("relay.format")).as("file over entry point").isEqualTo("from-file");
        assertThat(merged.getProperty("relay.topic.replication-factor")).as("environment over file").isEqualTo("3");
        assertThat(merged.getProperty("relay.topic.partitions")).as("system over environment").isEqualTo("9");
        assertThat(merged).doesNotContainKeys("java.version", "PATH");
    }

    @Test
    void aPropertiesFileThatDoesNotExistIsRefused() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> new PropertySources(new Properties(), Map.of(), new Properties()).load(Optional.of(missing)))
                .isInstanceOf(SettingsException.class)
                .hasMessage("--properties=" + missing + " names no readable file: give the path of an existing properties file.");
    }

    @Test
    void theBundledDefaultsAreValidOnceSourceAndDestinationAreNamed() {
        Properties merged = new PropertySources(new Properties(), Map.of(), new Properties()).load(Optional.of(writeEmpty()));
        merged.setProperty("relay.source.user", "u");
        merged.setProperty("relay.kafka.bootstrap-servers", "h:9092");
        assertThat(RelaySettings.from(merged).formats().format()).isEqualTo(WireFormatName.DEFAULT);
    }

    private Path writeEmpty() {
        try {
            return Files.writeString(dir.resolve("empty.properties"), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
