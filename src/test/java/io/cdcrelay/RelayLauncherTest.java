package io.cdcrelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayLauncherTest {

    @Test
    void aMirrorTopicRuleKafkaRefusesStopsTheStartWithExitCode2AndTheFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, String.join("\n",
                "relay.cdc.enabled=false",
                "relay.mirror.enabled=true",
                "relay.mirror.source.bootstrap-servers=127.0.0.1:1",
                "relay.mirror.destination.bootstrap-servers=127.0.0.1:1",
                "relay.mirror.topics=orders",
                "relay.mirror.topic-rule=backup/#{source_topic_name}",
                "relay.data-dir=" + dir.resolve("data")));
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> new RelayLauncher(new Properties()).run(new String[] {"--properties=" + file}));
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith(
                "cdc-relay: relay.mirror.topic-rule=backup/#{source_topic_name} gives topic names such as 'backup/topic'");
    }
}
