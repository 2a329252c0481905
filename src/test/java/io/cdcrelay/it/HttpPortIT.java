package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * relay.http.port held by another process, as users meet it with the production jar: the start stops with one
 * sentence on standard error naming the key and the fix, and exit code 2, whether the port was taken before the start
 * or in the seconds between the relay's checks and Camel's bind.
 */
@ExtendWith(RealServers.class)
class HttpPortIT {

    private static final String FIX = ": set relay.http.port to a free port, or to 0 to run without the HTTP endpoints.";

    @Test
    void aPortHeldBeforeTheStartStopsItWithExitCode2AndOneSentence(Servers servers) throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(0));
            int port = held.getLocalPort();
            Started relay = Started.of(mirror(servers, port, "held"), servers.dir().resolve("http-port-held"));
            try {
                assertThat(relay.process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
                assertThat(relay.process.exitValue()).isEqualTo(2);
                assertThat(relay.stderr()).isEqualTo("cdc-relay: relay.http.port=" + port
                        + " is in use by another process (Address already in use)" + FIX);
            } finally {
                relay.process.destroyForcibly();
            }
        }
    }

    /**
     * The port is taken once the relay logged its checks, seconds before Camel's HTTP server binds it: only the real
     * bind can see that. Camel alone logged the bind error and ran on without its endpoints.
     */
    @Test
    void aPortTakenWhileTheRelayStartsStopsItOnTheRealBindWithExitCode2(Servers servers) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port = FreePort.pick();
            Started relay = Started.of(mirror(servers, port, "race"), servers.dir().resolve("http-port-race-" + attempt));
            try (ServerSocket taken = new ServerSocket()) {
                relay.awaitLog("PASS  mirror destination reachable");
                try {
                    taken.bind(new InetSocketAddress(port));
                } catch (IOException relayWasFaster) {
                    // the scenario did not happen: the relay bound first; try again rather than assert nothing
                    relay.process.destroyForcibly().waitFor();
                    assertThat(attempt).as("attempts to take the port before the relay binds it").isLessThan(3);
                    continue;
                }
                assertThat(relay.process.waitFor(90, TimeUnit.SECONDS)).as("stopped").isTrue();
                assertThat(relay.process.exitValue()).isEqualTo(2);
                assertThat(relay.stderr()).isEqualTo("cdc-relay: relay.http.port=" + port
                        + " is in use by another process (Address already in use)" + FIX);
                assertThat(relay.log()).as("found on Camel's bind, not by a probe before it")
                        .contains("Failed to start Vert.x HttpServer on 0.0.0.0:" + port)
                        .doesNotContain("Started kafka-mirror");
                return;
            } finally {
                relay.process.destroyForcibly();
            }
        }
    }

    /** A mirror-only relay on the test broker: its checks ask only Kafka, so they pass within a second. */
    private static Properties mirror(Servers servers, int port, String name) {
        String kafka = servers.kafka().bootstrapServers();
        Properties p = TestRelay.mirrorProperties(kafka, kafka, "http-port-" + name, "g-http-port-" + name,
                servers.dir().resolve("http-port-" + name + "-data"));
        p.setProperty("relay.mirror.topic-rule", "copy.#{source_topic_name}");
        p.setProperty("relay.http.port", String.valueOf(port));
        return p;
    }

    /** The production jar in an empty working directory (no ./application.properties), stderr kept apart. */
    private record Started(Process process, Path logFile, Path errFile) {

        static Started of(Properties properties, Path dir) throws IOException {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            properties.stringPropertyNames().forEach(k -> command.add("-D" + k + "=" + properties.getProperty(k)));
            command.add("-jar");
            command.add(Path.of(System.getProperty("cdcrelay.jar", "target/cdc-relay.jar")).toAbsolutePath().toString());
            Path log = dir.resolve("relay.log");
            Path err = dir.resolve("relay.err");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(log.toFile()).redirectError(err.toFile()).start();
            return new Started(process, log, err);
        }

        void awaitLog(String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!log().contains(text)) {
                assertThat(process.isAlive()).as("relay running; its log: " + log()).isTrue();
                assertThat(System.nanoTime()).as("'" + text + "' logged in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(errFile, StandardCharsets.UTF_8).strip();
        }
    }
}
