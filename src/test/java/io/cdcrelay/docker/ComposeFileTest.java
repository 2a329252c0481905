package io.cdcrelay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cdcrelay.config.HaSettings;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.PropertySources;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.RocketMqSettings;
import io.cdcrelay.config.Sink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs in the build, so this checks what can be checked without one: that
 * {@code docker/compose.yaml}, its init script, the broker configuration and {@code docker/Dockerfile} agree
 * with each other and with the relay's configuration rules.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");
    private static final String DOCKERFILE = "docker/Dockerfile";

    private static ComposeFile compose;

    @TempDir
    Path dir;

    @BeforeAll
    static void readComposeFile() throws IOException {
        compose = ComposeFile.read(DOCKER.resolve("compose.yaml"));
    }

    @Test
    void theKafkaRelayStartsByDefaultAndTheRocketMqRelayAndItsServersOnlyWithTheRocketMqProfile() throws IOException {
        assertThat(compose.builtFrom(DOCKERFILE)).containsExactlyInAnyOrder("relay", "relay-rocketmq", "relay-standby");
        assertThat(compose.profiles("relay")).isEmpty();
        assertThat(settingsOf("relay").capture().orElseThrow().destination().sink()).isEqualTo(Sink.KAFKA);
        assertThat(settingsOf("relay-rocketmq").capture().orElseThrow().destination().sink()).isEqualTo(Sink.ROCKETMQ);
        for (String service : List.of("relay-rocketmq", "rocketmq-namesrv", "rocketmq-broker")) {
            assertThat(compose.profiles(service)).as(service).containsExactly("rocketmq");
        }
    }

    @Test
    void everyRelayVariableNamesASettingAndWithTheBundledDefaultsTheyAreAValidConfiguration() throws IOException {
        for (String relay : compose.builtFrom(DOCKERFILE)) {
            Map<String, String> environment = compose.environment(relay);
            assertThat(environment).as(relay).isNotEmpty().allSatisfy((name, value) -> assertThat(name).startsWith("RELAY_"));

            // an unknown or ambiguous variable, or an invalid value, throws here with its sentence
            RelaySettings settings = settingsOf(relay);

            assertThat(settings.capture().orElseThrow().source().flavor().name()).as(relay).isEqualTo("MYSQL");
            assertThat(settings.capture().orElseThrow().source().user()).as(relay).isEqualTo("relay");
            assertThat(settings.capture().orElseThrow().source().databases()).as(relay).containsExactly("shop");
            assertThat(settings.dataDir()).as(relay).isEqualTo(Path.of("/app/data"));
        }
    }

    @Test
    void everyServerARelayNamesIsAServiceTheRelayWaitsForUntilItIsHealthy() throws IOException {
        for (String relay : compose.builtFrom(DOCKERFILE)) {
            List<String> hosts = hostsNamedBy(settingsOf(relay));
            assertThat(hosts).as(relay).isNotEmpty();
            for (String host : hosts) {
                assertThat(compose.serviceNames()).as(relay + " names " + host).contains(host);
            }
            // the RocketMQ broker is reached through the name server it waits for in turn
            Map<String, String> waitsFor = compose.dependsOn(relay);
            for (String host : hosts) {
                String waitedFor = host.equals("rocketmq-namesrv") ? "rocketmq-broker" : host;
                assertThat(waitsFor).as(relay + " waits for " + waitedFor).containsEntry(waitedFor, "service_healthy");
            }
        }
    }

    @Test
    void everyServiceWaitedForUntilHealthyHasAHealthcheck() {
        for (String service : compose.serviceNames()) {
            compose.dependsOn(service).forEach((dependency, condition) -> {
                if (condition.equals("service_healthy")) {
                    assertThat(compose.service(dependency)).as(service + " waits for " + dependency).containsKey("healthcheck");
                }
            });
        }
    }

    @Test
    void theRelaysReadTheBinlogUnderDistinctServerIds() throws IOException {
        // two readers with one id disconnect each other, and the server's own id is taken too; the standby reads
        // only when the relay does not, under the relay's id
        List<Long> ids = List.of(settingsOf("relay").capture().orElseThrow().source().serverId(),
                settingsOf("relay-rocketmq").capture().orElseThrow().source().serverId());
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(mysqlServerId());
    }

    @Test
    void withTheHaProfileAStandbyTwinOfTheKafkaRelaySharesItsElectionAndDataVolume() throws IOException {
        assertThat(compose.profiles("relay-standby")).containsExactly("ha");
        RelaySettings relay = settingsOf("relay");
        RelaySettings standby = settingsOf("relay-standby");
        assertThat(relay.ha().service()).isEqualTo(HaSettings.ClusterService.FILE);
        assertThat(standby.ha().service()).isEqualTo(HaSettings.ClusterService.FILE);
        assertThat(standby.ha().namespace()).isEqualTo(relay.ha().namespace());
        assertThat(standby.ha().file().root()).isEqualTo(relay.ha().file().root());
        assertThat(standby.ha().memberId()).isNotEqualTo(relay.ha().memberId());
        Map<String, String> twin = new HashMap<>(compose.environment("relay-standby"));
        twin.put("RELAY_HA_MEMBER_ID", compose.environment("relay").get("RELAY_HA_MEMBER_ID"));
        assertThat(twin).as("the standby's settings but its member id").isEqualTo(compose.environment("relay"));
        assertThat(compose.volumes("relay-standby")).isEqualTo(compose.volumes("relay"));
    }

    @Test
    void theMySqlServerWritesRowEventsWithFullImagesAndGtids() {
        List<String> options = compose.command("mysql").stream().map(ComposeFileTest::normalizedOption).toList();
        assertThat(options).contains("--binlog-format=row", "--binlog-row-image=full", "--gtid-mode=on",
                "--enforce-gtid-consistency=on");
        assertThat(options).anyMatch(o -> o.startsWith("--log-bin"));
        assertThat(mysqlServerId()).isPositive();
    }

    @Test
    void theInitScriptCreatesTheRelayUserWithExactlyTheFivePrivilegesAndTheDatabaseItReads() throws IOException {
        String sql = Files.readString(initScript());
        Map<String, String> relay = compose.environment("relay");
        String user = relay.get("RELAY_SOURCE_USER");

        Matcher create = Pattern.compile("CREATE USER '" + user + "'@'%' IDENTIFIED BY '([^']*)'",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        assertThat(create.find()).as("CREATE USER '" + user + "'@'%'").isTrue();
        assertThat(create.group(1)).isEqualTo(relay.get("RELAY_SOURCE_PASSWORD"));

        Matcher grant = Pattern.compile("GRANT (.+?) ON \\*\\.\\* TO '" + user + "'@'%'", Pattern.CASE_INSENSITIVE)
                .matcher(sql);
        List<String> granted = new ArrayList<>();
        while (grant.find()) {
            Arrays.stream(grant.group(1).split(",")).map(p -> p.trim().replaceAll("\\s+", " ").toUpperCase())
                    .forEach(granted::add);
        }
        assertThat(granted).containsExactlyInAnyOrder("SELECT", "RELOAD", "SHOW DATABASES", "REPLICATION SLAVE",
                "REPLICATION CLIENT");

        assertThat(sql).containsIgnoringCase("CREATE DATABASE " + relay.get("RELAY_SOURCE_DATABASES") + ";");
    }

    @Test
    void theDockerfileRunsTheJarTheMavenBuildProducesAsANonRootUser() throws IOException {
        String jar = "target/" + mavenFinalName() + ".jar";
        List<String> lines = dockerfileInstructions();

        assertThat(lines).anyMatch(l -> l.startsWith("FROM eclipse-temurin:17-jre"));
        assertThat(lines).contains("COPY " + jar + " /app/cdc-relay.jar", "WORKDIR /app");
        assertThat(lines).filteredOn(l -> l.startsWith("ENTRYPOINT")).singleElement().asString()
                .contains("\"-jar\", \"/app/cdc-relay.jar\"");
        assertThat(lines).filteredOn(l -> l.startsWith("USER ")).last().asString()
                .isNotIn("USER root", "USER 0");
        assertThat(lines).anyMatch(l -> l.startsWith("VOLUME") && l.contains("/app/data"));

        // the COPY path is relative to the build context, which must be the repository root
        Map<?, ?> build = (Map<?, ?>) compose.service("relay").get("build");
        assertThat(compose.resolve(String.valueOf(build.get("context")))).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("!" + jar);
    }

    @Test
    void theRocketMqBrokerRegistersWithTheNameServerUnderAnAddressTheRelayCanReach() throws IOException {
        String broker = compose.volumes("rocketmq-broker").stream().filter(v -> v.contains("broker.conf"))
                .findFirst().orElseThrow();
        Properties conf = new Properties();
        try (var reader = Files.newBufferedReader(compose.resolve(broker.split(":")[0]))) {
            conf.load(reader);
        }
        assertThat(compose.command("rocketmq-broker")).contains(broker.split(":")[1]);
        assertThat(compose.serviceNames()).contains(conf.getProperty("brokerIP1"), host(conf.getProperty("namesrvAddr")));
        RocketMqSettings rocketmq = (RocketMqSettings) settingsOf("relay-rocketmq").capture().orElseThrow()
                .destination();
        assertThat(conf.getProperty("namesrvAddr")).isEqualTo(rocketmq.namesrvAddr());
    }

    /** The relay's settings from the bundled defaults and the service's environment, as {@code java -jar} reads them. */
    private RelaySettings settingsOf(String relay) throws IOException {
        Path noFile = Files.writeString(dir.resolve(relay + ".properties"), "");
        Properties merged = new PropertySources(new Properties(), compose.environment(relay), new Properties())
                .load(Optional.of(noFile));
        return RelaySettings.from(merged);
    }

    private static List<String> hostsNamedBy(RelaySettings settings) {
        List<String> hosts = new ArrayList<>();
        hosts.add(settings.capture().orElseThrow().source().host());
        if (settings.capture().orElseThrow().destination() instanceof KafkaSettings kafka) {
            Arrays.stream(kafka.bootstrapServers().split(",")).map(ComposeFileTest::host).forEach(hosts::add);
        }
        if (settings.capture().orElseThrow().destination() instanceof RocketMqSettings rocketmq) {
            // RocketMQ separates name servers with ';'
            Arrays.stream(rocketmq.namesrvAddr().split(";")).map(ComposeFileTest::host).forEach(hosts::add);
        }
        return hosts;
    }

    private static String host(String hostAndPort) {
        String trimmed = hostAndPort.trim();
        int colon = trimmed.lastIndexOf(':');
        return colon < 0 ? trimmed : trimmed.substring(0, colon);
    }

    private static long mysqlServerId() {
        return compose.command("mysql").stream().map(ComposeFileTest::normalizedOption)
                .filter(o -> o.startsWith("--server-id=")).map(o -> Long.parseLong(o.substring("--server-id=".length())))
                .findFirst().orElseThrow();
    }

    /** MySQL accepts '_' and '-' alike in option names, and values in any case. */
    private static String normalizedOption(String option) {
        int equals = option.indexOf('=');
        String name = (equals < 0 ? option : option.substring(0, equals)).replace('_', '-');
        return (equals < 0 ? name : name + option.substring(equals)).toLowerCase();
    }

    private static Path initScript() {
        String mount = compose.volumes("mysql").stream().filter(v -> v.contains("/docker-entrypoint-initdb.d/"))
                .findFirst().orElseThrow();
        return compose.resolve(mount.split(":")[0]);
    }

    private static String mavenFinalName() throws IOException {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(finalName.find()).as("pom.xml names its jar").isTrue();
        return finalName.group(1).trim();
    }

    /** The Dockerfile's instructions, comments left out and continuation lines joined. */
    private static List<String> dockerfileInstructions() throws IOException {
        String joined = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .filter(l -> !l.trim().startsWith("#"))
                .collect(Collectors.joining("\n"))
                .replace("\\\n", " ");
        return Arrays.stream(joined.split("\n")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
