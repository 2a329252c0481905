package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** What target/cdc-relay.jar carries and refuses. */
class ProductionJarIT {

    private final String jar = System.getProperty("cdcrelay.jar", "target/cdc-relay.jar");

    @Test
    void theProductionJarCarriesNoEmbeddedServers() throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            assertThat(zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/cdcrelay/demo/") || n.startsWith("ch/vorburger/")
                            || n.startsWith("kafka/server/") || n.startsWith("scala/")))
                    .isEmpty();
        }
    }

    /** Debezium's meter that formats every event into a string is left out for the relay's carried copy. */
    @Test
    void theProductionJarCarriesTheRelaysCopyOfDebeziumsEventMeter() throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            assertThat(zip.getEntry("io/debezium/pipeline/meters/CommonEventMeter.class")).isNotNull();
            assertThat(zip.getEntry("io/debezium/pipeline/meters/CommonEventMeter$LastEvent.class")).isNotNull();
        }
    }

    /** The shaded jar holds one MariaDbGtidSet, the relay's (its javadoc says why), not Debezium's beside it. */
    @Test
    void theProductionJarCarriesTheRelaysCopyOfDebeziumsMariaDbGtidSet() throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            assertThat(zip.stream().filter(e -> e.getName().matches(
                    "io/debezium/connector/mariadb/gtid/MariaDbGtidSet(\\$.*)?\\.class")).count())
                    .as("its classes, once each").isEqualTo(4);
            try (InputStream in = zip.getInputStream(zip.getEntry(
                    "io/debezium/connector/mariadb/gtid/MariaDbGtidSet.class"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).as("the per-domain fix")
                        .contains("forDomain");
            }
        }
    }

    /**
     * The in-process tests see the test class path, which carries more Camel components than the jar. The schemes
     * are read from the routes inside the jar (their commented examples too), so a route that starts using another
     * component is checked too; {@code sink}, {@code columns} and {@code kafka-mirror} are the relay's own, bound by
     * name at start. The relay sends to Kafka with its own producer: no Camel Kafka component.
     */
    @Test
    void theProductionJarCarriesEveryComponentItsRoutesUse() throws IOException {
        Set<String> schemes = new TreeSet<>();
        Pattern uri = Pattern.compile("uri:\\s*\"([a-z][a-z0-9-]*):");
        try (ZipFile zip = new ZipFile(jar)) {
            List<? extends ZipEntry> routes = zip.stream()
                    .filter(e -> e.getName().startsWith("routes/") && e.getName().endsWith(".camel.yaml")).toList();
            assertThat(routes).as("routes in the jar").isNotEmpty();
            for (ZipEntry route : routes) {
                try (InputStream in = zip.getInputStream(route)) {
                    uri.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).results()
                            .forEach(m -> schemes.add(m.group(1)));
                }
            }
            schemes.removeAll(List.of("sink", "columns", "kafka-mirror"));
            assertThat(schemes).contains("debezium-mysql", "direct", "timer", "platform-http");
            assertThat(zip.getEntry("META-INF/services/org/apache/camel/component/kafka")).as("camel-kafka").isNull();
            for (String component : schemes) {
                assertThat(zip.getEntry("META-INF/services/org/apache/camel/component/" + component))
                        .as("component " + component).isNotNull();
            }
        }
    }

    /**
     * relay.sink=rocketmq needs the client, its remoting's fastjson, Guava and OpenTelemetry metrics, and its
     * admin requests; the broker's RocksDB store, gRPC, rocketmq-tools and Kafka Connect's REST server are not
     * used by the relay and stay out (RocketMqIT runs this jar against a broker).
     */
    @Test
    void theProductionJarCarriesTheRocketMqClientWithoutTheServersWeight() throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            for (String type : List.of("org.apache.rocketmq.client.producer.DefaultMQProducer",
                    "org.apache.rocketmq.client.impl.MQClientAPIImpl", "org.apache.rocketmq.acl.common.AclClientRPCHook",
                    "org.apache.rocketmq.client.consumer.DefaultLitePullConsumer", "com.alibaba.fastjson.JSON",
                    "com.google.common.base.Stopwatch", "io.opentelemetry.sdk.metrics.View",
                    "org.apache.kafka.connect.runtime.WorkerConfig", "io.cdcrelay.rocketmq.RocketMqAdmin")) {
                assertThat(zip.getEntry(type.replace('.', '/') + ".class")).as(type).isNotNull();
            }
            assertThat(zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("org/rocksdb/")
                    || n.startsWith("librocksdbjni") || n.startsWith("io/grpc/") || n.startsWith("org/apache/rocketmq/tools/")
                    || n.startsWith("org/eclipse/jetty/") || n.startsWith("org/glassfish/jersey/")))
                    .isEmpty();
        }
    }

    /** relay.ha.cluster-service's choices and the route policy; the Kubernetes client without its OpenShift part. */
    @Test
    void theProductionJarCarriesEveryClusterServiceRelayHaOffers() throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            for (String type : List.of("org.apache.camel.impl.cluster.ClusteredRoutePolicy",
                    "org.apache.camel.component.file.cluster.FileLockClusterService",
                    "org.apache.camel.component.kubernetes.cluster.KubernetesClusterService",
                    "io.fabric8.kubernetes.client.KubernetesClientBuilder",
                    "io.fabric8.kubernetes.api.model.coordination.v1.Lease",
                    "org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService",
                    "org.apache.curator.framework.recipes.leader.LeaderSelector")) {
                assertThat(zip.getEntry(type.replace('.', '/') + ".class")).as(type).isNotNull();
            }
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/fabric8/openshift/"))).isEmpty();
        }
    }

    @Test
    void theProductionJarRefusesEmbeddedModeWithASentenceNamingTheDemoJar() throws Exception {
        Result result = run("-Drelay.embedded=true");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output.strip()).startsWith("cdc-relay: relay.embedded=true needs the embedded servers")
                .contains("target/cdc-relay-demo.jar").doesNotContain("Exception");
    }

    @Test
    void anUnknownRelayKeyStopsTheStartNamingTheKey() throws Exception {
        Result result = run("-Drelay.kafka.bootstrap-servers=127.0.0.1:1", "-Drelay.source.user=u", "-Drelay.topic.nmae=x");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output.strip()).isEqualTo("cdc-relay: relay.topic.nmae is not a cdc-relay setting: check "
                + "its spelling against java -jar cdc-relay.jar --help-settings, or remove it.");
    }

    @Test
    void aClusterServiceTheRelayDoesNotOfferStopsTheStartWithOneSentenceAndExitCode2() throws Exception {
        Result result = run("-Drelay.kafka.bootstrap-servers=127.0.0.1:1", "-Drelay.source.user=u",
                "-Drelay.ha.cluster-service=etcd");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output.strip()).isEqualTo("cdc-relay: relay.ha.cluster-service=etcd is not valid: use one of "
                + "none, file, kubernetes, zookeeper.");
    }

    private Result run(String... systemProperties) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(systemProperties));
        command.add("-jar");
        command.add(jar);
        // an empty working directory: no ./application.properties or ./routes of the repository
        Path cwd = java.nio.file.Files.createTempDirectory("relay-jar");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
