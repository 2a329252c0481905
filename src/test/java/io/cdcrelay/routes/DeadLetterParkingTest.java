package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.sink.DeadLetters;
import io.cdcrelay.sink.KafkaSinks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code relay.dead-letter.topic} through the real cdc route and Kafka sink: a message Kafka refuses for itself is
 * parked in the dead-letter topic with where it was going and why, and its exchange completes without error, so
 * the source saves its position past it and the stream goes on. {@link RefusedWithoutDeadLetterTopicTest} is the
 * same refusal without one.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class DeadLetterParkingTest {

    private static final String DEAD_LETTERS = "relay-dead-letters";
    private static final int LIMIT = 512 * 1024;

    private final ExecutorService parking = Executors.newSingleThreadExecutor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final RecordingProducer producer = new RecordingProducer(false);
    private final RelayRoutes relay = new RelayRoutes(KafkaSinks.over(producer, this::partitionsOf,
            Optional.of(new DeadLetters(DEAD_LETTERS, this::partitionsOf, new RelayMetrics(meters, Clock.systemUTC()),
                    new RelayHealth(meters, Clock.systemUTC()))), parking));

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, RelayRoutes.ROUTES.resolve("cdc.camel.yaml"));
    }

    @AfterEach
    void stopParking() {
        parking.shutdownNow();
    }

    private int partitionsOf(String topic) {
        asked.add(topic);
        return 3;
    }

    @Test
    void aMessageKafkaRefusesAsTooLargeIsParkedCutToTheLimitWithItsOriginAndItsExchangeCompletes() throws Exception {
        NotifyBuilder completed = new NotifyBuilder(relay.context()).fromRoute("cdc").whenCompleted(1).create();
        CompletableFuture<Throwable> outcome = relay.feed(Docs.insert(7, 600 * 1024));

        ProducerRecord<String, byte[]> refused = producer.awaitSent();
        assertThat(refused.topic()).isEqualTo(Docs.TOPIC);
        assertThat(refused.value().length).isGreaterThan(LIMIT);
        producer.errorNext(new RecordTooLargeException("The message is " + refused.value().length + " bytes"));
        ProducerRecord<String, byte[]> parked = producer.awaitSent();
        producer.completeNext();

        assertThat(RelayRoutes.outcomeOf(outcome)).isNull();
        assertThat(completed.matches(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(parked.topic()).isEqualTo(DEAD_LETTERS);
        assertThat(parked.partition()).as("the dead-letter topic's own partitioning").isNull();
        assertThat(parked.key()).isEqualTo(refused.key()).isEqualTo("{\"id\":\"7\"}");
        assertThat(header(parked, "relay.dlq.topic")).isEqualTo(Docs.TOPIC);
        assertThat(header(parked, "relay.dlq.partition")).isEqualTo(String.valueOf(refused.partition()));
        assertThat(header(parked, "relay.dlq.reason")).startsWith("RecordTooLargeException: The message is");
        assertThat(header(parked, "relay.dlq.size")).isEqualTo(String.valueOf(refused.value().length));
        assertThat(header(parked, "relay.dlq.truncated")).isEqualTo("true");
        assertThat(header(parked, "relay.op")).as("the relay's own headers stay").isEqualTo("INSERT");
        assertThat(parked.value()).isEqualTo(Arrays.copyOf(refused.value(), LIMIT));
        assertThat(asked).contains(DEAD_LETTERS);
        assertThat(meters.get("relay.dead.lettered").tag("topic", Docs.TOPIC).counter().count()).isEqualTo(1);
    }

    @Test
    void aRefusedMessageWithinTheLimitIsParkedWhole() throws Exception {
        CompletableFuture<Throwable> outcome = relay.feed(Docs.insert(8, 100));

        ProducerRecord<String, byte[]> refused = producer.awaitSent();
        producer.errorNext(new RecordTooLargeException("too large for the topic's max.message.bytes"));
        ProducerRecord<String, byte[]> parked = producer.awaitSent();
        producer.completeNext();

        assertThat(RelayRoutes.outcomeOf(outcome)).isNull();
        assertThat(parked.value()).isEqualTo(refused.value());
        assertThat(header(parked, "relay.dlq.size")).isEqualTo(String.valueOf(refused.value().length));
        assertThat(parked.headers().lastHeader("relay.dlq.truncated")).isNull();
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
