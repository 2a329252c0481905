package io.cdcrelay.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.cdcrelay.change.Changes;
import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.report.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The parked copy of a message Kafka refused for itself (what the removed ParkInDeadLetterTopicTest checked of the
 * step it replaced): its origin, reason and size as headers, its value cut to the limit by bytes, counted, listed as
 * a problem; and a refusal for the cluster's state is never parked. The route tests see the same through the route.
 */
class DeadLettersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RelayHealth health = new RelayHealth(meters, Clock.systemUTC());
    private final List<String> created = new ArrayList<>();
    private final DeadLetters deadLetters = new DeadLetters("dead-letters", topic -> {
        created.add(topic);
        return 3;
    }, new RelayMetrics(meters, Clock.systemUTC()), health);

    @Test
    void onlyARefusalOfTheMessageItselfIsParked() {
        assertThat(DeadLetters.refusedForItself(new RecordTooLargeException("too big"))).isTrue();
        assertThat(DeadLetters.refusedForItself(new InvalidRecordException("bad"))).isTrue();
        assertThat(DeadLetters.refusedForItself(new TimeoutException("no leader"))).isFalse();
    }

    @Test
    void theParkedCopyNamesItsOriginAndReasonAndIsCutToTheLimitInBytes() {
        // two bytes a character: twice the limit in bytes
        byte[] value = "é".repeat(DeadLetters.MAX_VALUE_BYTES).getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> parked = deadLetters.parked(message(value), 2,
                new RecordTooLargeException("too big"));

        assertThat(created).containsExactly("dead-letters");
        assertThat(parked.topic()).isEqualTo("dead-letters");
        assertThat(parked.partition()).isNull();
        assertThat(parked.key()).isEqualTo("{\"id\":\"7\"}");
        assertThat(header(parked, "relay.op")).isEqualTo("INSERT");
        assertThat(header(parked, "relay.dlq.topic")).isEqualTo("Topic_shop_docs");
        assertThat(header(parked, "relay.dlq.partition")).isEqualTo("2");
        assertThat(header(parked, "relay.dlq.size")).isEqualTo(String.valueOf(2 * DeadLetters.MAX_VALUE_BYTES));
        assertThat(header(parked, "relay.dlq.reason")).isEqualTo("RecordTooLargeException: too big");
        assertThat(header(parked, "relay.dlq.truncated")).isEqualTo("true");
        assertThat(parked.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
        assertThat(meters.get("relay.dead.lettered").tag("topic", "Topic_shop_docs").counter().count()).isEqualTo(1);
        assertThat(health.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("dead-letters"));
    }

    @Test
    void aMessageWithinTheLimitIsParkedWhole() {
        byte[] value = "{}".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> parked = deadLetters.parked(message(value), 0,
                new InvalidRecordException("bad"));

        assertThat(parked.value()).isEqualTo(value);
        assertThat(parked.headers().lastHeader("relay.dlq.truncated")).isNull();
        assertThat(header(parked, "relay.dlq.reason")).isEqualTo("InvalidRecordException: bad");
    }

    @Test
    void aTimeoutFailsTheSendEvenWithADeadLetterTopic() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, new StringSerializer(),
                new ByteArraySerializer());
        ExecutorService parking = Executors.newSingleThreadExecutor();
        KafkaChangeSink sink = new KafkaChangeSink(() -> producer, topic -> 3, Optional.of(deadLetters), parking);
        List<Throwable> outcome = new ArrayList<>();
        try {
            sink.start();
            sink.send(message("{}".getBytes(StandardCharsets.UTF_8)), outcome::add);
            TimeoutException timeout = new TimeoutException("no leader");
            producer.errorNext(timeout);

            // the callback ran on this thread: nothing was handed to the parking thread
            assertThat(outcome).containsExactly(timeout);
            assertThat(producer.history()).hasSize(1);
            assertThat(created).isEmpty();
        } finally {
            parking.shutdownNow();
        }
    }

    private static Outgoing message(byte[] value) {
        return new Outgoing(Changes.insert(), "Topic_shop_docs", 3, 2, "{\"id\":\"7\"}", Map.of("relay.op", "INSERT"),
                value, null);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
