package io.cdcrelay.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.cdcrelay.DeliverySteps;
import io.cdcrelay.acknowledgement.HandOver;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.config.FormatSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.format.FormatOptions;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.Outgoing;
import io.cdcrelay.steps.DeliveryTracking;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.support.DefaultExchange;

/**
 * What a route test runs: the relay's YAML route files as Camel Main loads them, with the step beans the relay
 * binds ({@link DeliverySteps}, the same call {@code RelayBeans} makes) around the test's sink. Only the source
 * is the test's: the test class replaces {@code cdc}'s {@code from} with {@value #SOURCE}, and
 * {@code toChangeEvent} takes a {@link ChangeEvent} instead of Debezium's record.
 *
 * <p>{@link #feed} hands changes over as the Debezium consumer does: on one engine thread, through the relay's
 * {@link HandOver}, without waiting for each to be acknowledged, so what the routes keep in order is theirs.
 */
final class RelayRoutes implements CamelConfiguration {

    /** The relay's own, user-editable route files. */
    static final Path ROUTES = Path.of("routes");
    /** What the test classes replace the cdc route's {@code debezium-mysql:} with. */
    static final String SOURCE = "direct:source";
    /** Camel's wait for exchanges still in flight when a test ends (only a failed test leaves any), not 45 s. */
    private static final int SHUTDOWN_SECONDS = 2;

    private final ChangeSink sink;
    private final Properties properties = new Properties();
    private volatile CamelContext context;
    private HandOver handOver;
    private ExecutorService engine;

    /** @param settings {@code relay.*} keys and values besides the required ones (a source user, a Kafka address) */
    RelayRoutes(ChangeSink sink, String... settings) {
        this.sink = sink;
        properties.setProperty("relay.source.user", "relay");
        properties.setProperty("relay.kafka.bootstrap-servers", "127.0.0.1:9");
        for (int i = 0; i < settings.length; i += 2) {
            properties.setProperty(settings[i], settings[i + 1]);
        }
    }

    /** For a {@code @Configure} method: these beans and the route files given. */
    void load(MainConfigurationProperties main, Path... routeFiles) {
        main.addConfiguration(this);
        // Camel Main's own setting: it overrides @CamelMainTest(shutdownTimeout)
        main.setShutdownTimeout(SHUTDOWN_SECONDS);
        main.withRoutesIncludePattern(Stream.of(routeFiles).map(f -> "file:" + f.toAbsolutePath())
                .collect(Collectors.joining(",")));
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        this.context = camel;
        RelaySettings settings = RelaySettings.from(properties);
        DeliverySteps.bind(camel, settings, formatOptions(settings), new CommitSequence(), sink);
        camel.getRegistry().bind("deliveryTracking", new DeliveryTracking(
                new RelayMetrics(new SimpleMeterRegistry(), Clock.systemUTC())));
        camel.getRegistry().bind("toChangeEvent", (Processor) exchange -> {
            Object body = exchange.getMessage().getBody();
            // a test that gives an Outgoing gives its resume point too, as Debezium's record would; kept beside the
            // body, as the relay's own step keeps it
            if (body instanceof Outgoing read && read.resumeAt() != null) {
                exchange.setProperty(ResumePoint.PROPERTY, read.resumeAt());
            }
            if (!(body instanceof Outgoing)) {
                ChangeEvent change = exchange.getMessage().getBody(ChangeEvent.class);
                exchange.getMessage().setBody(change == null ? null : Outgoing.of(change));
            }
        });
    }

    /** The format options the relay builds, with a fixed server version instead of asking a server. */
    private static FormatOptions formatOptions(RelaySettings settings) {
        FormatSettings f = settings.formats();
        return new FormatOptions(settings.capture().orElseThrow().source().name(), f.dbType(), f.tenant(), f.clusterId(), () -> "10.11.19",
                settings.timeZone(), f.transactionSequence(), f.debeziumSchemas(), Clock.systemUTC());
    }

    /**
     * Writes into {@code dir} the shipped {@code cdc.camel.yaml} with its one {@code shipped} text replaced: a user's
     * edit of the real file.
     *
     * @return the edited copy
     */
    static Path editedCdcRoute(Path dir, String shipped, String replacement) throws IOException {
        String route = Files.readString(ROUTES.resolve("cdc.camel.yaml"));
        if (route.split(Pattern.quote(shipped), -1).length != 2) {
            throw new AssertionError("the shipped cdc.camel.yaml has not exactly one " + shipped);
        }
        Path edited = dir.resolve("cdc.camel.yaml");
        Files.writeString(edited, route.replace(shipped, replacement));
        return edited;
    }

    CamelContext context() {
        return context;
    }

    /**
     * Hands {@code change} to the cdc route on the engine thread, behind the changes fed before it.
     *
     * @return completed when the route completed the exchange: with null, or the exchange's failure
     */
    CompletableFuture<Throwable> feed(ChangeEvent change) throws Exception {
        return feedBody(change);
    }

    /** As {@link #feed(ChangeEvent)}, for a change read at a source position: {@code Outgoing.of(change, at)}. */
    CompletableFuture<Throwable> feed(Outgoing read) throws Exception {
        return feedBody(read);
    }

    private synchronized CompletableFuture<Throwable> feedBody(Object change) throws Exception {
        if (handOver == null) {
            AsyncProducer source = context.getEndpoint(SOURCE).createAsyncProducer();
            // started now, stopped with the context
            context.addService(source);
            handOver = new HandOver(source, (exchange, failure) -> { }, 64, Duration.ofSeconds(10));
            engine = context.getExecutorServiceManager().newSingleThreadExecutor(this, "engine");
        }
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(change);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                handOver.send(exchange, outcome::complete);
            } catch (InterruptedException | RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
        return outcome;
    }

    /**
     * What {@link #feed} promised, waiting at most {@value RecordingSink#WAIT_SECONDS} s for it.
     *
     * @return null when the exchange completed without error, else its failure
     */
    static Throwable outcomeOf(CompletableFuture<Throwable> fed) throws Exception {
        try {
            return fed.get(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the routes did not complete the exchange within " + RecordingSink.WAIT_SECONDS
                    + " s", e);
        }
    }
}
