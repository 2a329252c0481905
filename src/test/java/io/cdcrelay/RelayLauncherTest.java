package io.cdcrelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.cdcrelay.config.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayLauncherTest {

    @Test
    void aClientSettingKafkaRefusesStopsTheStartWithExitCode2(@TempDir Path dir) throws Exception {
        String err = run(dir, "relay.mirror.destination.properties.linger.ms=soon");
        assertThat(err).startsWith("cdc-relay: relay.mirror.destination.properties.* has a value Kafka refuses "
                + "(Invalid value soon for configuration linger.ms");
    }

    @Test
    void aMirrorTopicRuleKafkaRefusesStopsTheStartWithExitCode2AndTheFix(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "relay.mirror.topic-rule=backup/#{source_topic_name}")).startsWith(
                "cdc-relay: relay.mirror.topic-rule=backup/#{source_topic_name} gives topic names such as 'backup/topic'");
    }

    @Test
    void thePrecheckOptionIsUnderstoodBesideAPropertiesFile() {
        String[] args = {"--precheck", "--properties=relay.properties"};
        assertThat(RelayLauncher.precheckOnly(args)).isTrue();
        assertThat(RelayLauncher.propertiesFile(args)).contains(Path.of("relay.properties"));
        assertThat(RelayLauncher.precheckOnly(new String[] {"--properties=relay.properties"})).isFalse();
    }

    @Test
    void anUnknownArgumentStillStopsTheStartNamingTheOptions() {
        assertThatThrownBy(() -> RelayLauncher.propertiesFile(new String[] {"--pre-check"}))
                .isInstanceOf(SettingsException.class)
                .hasMessage("the argument --pre-check is not understood: give settings as --properties=FILE or "
                        + "-Dkey=value before -jar, --precheck to only run the checks, and --help-settings to list "
                        + "the settings.");
    }

    @Test
    void helpSettingsPrintsEveryKeyWithItsDefaultAndExitsWithoutReadingAnySetting() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new RelayLauncher(new Properties(), Map.of("RELAY_NO_SUCH_KEY", "x"))
                    .run(new String[] {"--help-settings"});
        } finally {
            System.setOut(stdout);
        }
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(table).containsPattern("relay\\.topic\\.partitions +whole number 1\\.\\.10000 +3 +partitions of")
                .containsPattern("relay\\.kafka\\.producer\\.\\* +passed on")
                .contains("relay.delivery.positions-topic", "<relay.source.name>.positions");
    }

    /** Runs a mirror-only relay with {@code extra} and returns its standard error, asserting exit code 2. */
    private static String run(Path dir, String extra) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, String.join("\n",
                "relay.cdc.enabled=false",
                "relay.mirror.enabled=true",
                "relay.mirror.source.bootstrap-servers=127.0.0.1:1",
                "relay.mirror.destination.bootstrap-servers=127.0.0.1:2",
                "relay.mirror.topics=orders",
                extra,
                "relay.data-dir=" + dir.resolve("data")));
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> new RelayLauncher(new Properties(), Map.of()).run(new String[] {"--properties=" + file}));
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
