package io.cdcrelay.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.PropertySources;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.sink.KafkaChangeSink;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.debezium.mysql.DebeziumMySqlComponent;
import org.apache.camel.component.debezium.mysql.configuration.MySqlConnectorEmbeddedDebeziumConfiguration;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The "bare" competitor of {@link PipelineBenchmark}, run as its own JVM: Camel Main with one route,
 * {@code debezium-mysql:<name>} into {@link CountingProcessor}, on Camel's stock {@link DebeziumMySqlComponent}
 * (not the relay's acknowledging component). Its Debezium configuration is the relay's own: the same
 * {@code relay.*} settings, layered as the relay layers them, go through the relay's public
 * {@link DebeziumSourceConfiguration#of}, so the snapshot mode, offset flushing, value representations and
 * transaction metadata (on under rule One) are what the relay's engine gets. What the relay adds after
 * Debezium (change mapping, partitioning, wire format, the destination and its acknowledgements) is absent.
 *
 * <p>Standard output carries only {@code BARE …} lines for {@link BareCompetitor}: every second
 * {@code t=<epoch ms> changes=<n> latencies=<m>}, plus {@code first}, {@code reached} and, when standard input
 * says {@code latency}, the latency summary. Its log goes to standard error. {@code -Dbench.expect=N} names
 * the count at which to print {@code reached}. With {@code -Dbench.floor=<topic>} it is the floor competitor
 * instead: each row change is rendered, sent to that topic with the relay's producer settings and counted when
 * acknowledged ({@link FloorSendingProcessor}).
 */
public final class BareDebeziumRoute {

    /** The table whose changes count. */
    static final String TABLE = "bench.changes";

    private BareDebeziumRoute() {
    }

    public static void main(String[] args) throws Exception {
        // the relay's layering: bundled defaults, ./application.properties, RELAY_* variables, -D settings
        Properties properties = new PropertySources(new Properties(), System.getenv(), System.getProperties())
                .load(Optional.empty());
        RelaySettings settings = RelaySettings.from(properties);
        MySqlConnectorEmbeddedDebeziumConfiguration configuration = DebeziumSourceConfiguration.of(
                settings.capture().orElseThrow().source(), settings.dataDir(), settings.state(), settings.syncTypes(), false, settings.delivery(), Optional.empty());
        System.err.printf("bare: snapshot.mode=%s provide.transaction.metadata=%s offset.flush.interval.ms=%d "
                + "server-id=%d data-dir=%s%n", configuration.getSnapshotMode(),
                configuration.isProvideTransactionMetadata(), configuration.getOffsetFlushIntervalMs(),
                configuration.getDatabaseServerId(), settings.dataDir());

        DebeziumMySqlComponent component = new DebeziumMySqlComponent();
        component.setConfiguration(configuration);
        CountingProcessor counter = new CountingProcessor(TABLE, Long.getLong("bench.expect", 0), System.out);
        // the floor: the same route, then the least a relay must do (render, send, count when acknowledged)
        String floorTopic = System.getProperty("bench.floor");
        Producer<String, byte[]> producer = floorTopic == null ? null : floorProducer(settings, floorTopic);
        Processor step = producer == null ? counter : new FloorSendingProcessor(counter, producer, floorTopic);

        Main main = new Main();
        // no application.properties of Camel's own: the relay's file is read above, as the relay reads it
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().setName("bare-debezium");
        main.bind("debezium-mysql", component);
        String uri = "debezium-mysql:" + settings.capture().orElseThrow().source().name();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("bare-debezium").process(step);
            }
        });
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bare-ticker"));
        ticker.scheduleAtFixedRate(() -> counter.line("t=" + System.currentTimeMillis() + " changes="
                + counter.changes() + " latencies=" + counter.latencies().count()), 1, 1, TimeUnit.SECONDS);
        daemon(() -> answerCommands(counter), "bare-commands").start();
        // until SIGTERM: Camel Main's hangup interceptor stops the route, and the engine saves its offset
        main.run();
    }

    /**
     * A producer with the relay's own settings, and its topic, created with the relay's partition count when
     * missing.
     */
    private static Producer<String, byte[]> floorProducer(RelaySettings settings, String topic) throws Exception {
        KafkaSettings kafka = (KafkaSettings) settings.capture().orElseThrow().destination();
        Properties admin = new Properties();
        admin.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            if (!client.listTopics().names().get().contains(topic)) {
                client.createTopics(List.of(new NewTopic(topic, settings.topics().partitions(), (short) 1))).all()
                        .get();
            }
        }
        return new KafkaProducer<>(KafkaChangeSink.producerProperties(kafka, "bench-floor", false),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Standard input: {@code latency} prints the latency summary; end of input is ignored. */
    private static void answerCommands(CountingProcessor counter) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String command = in.readLine(); command != null; command = in.readLine()) {
                if (command.trim().equals("latency")) {
                    counter.line("latency " + counter.latencies().summary().line());
                }
            }
        } catch (Exception e) {
            System.err.println("bare: standard input failed: " + e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
