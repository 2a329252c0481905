package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.sink.KafkaSinks;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without {@code relay.dead-letter.topic}, Kafka's refusal of a message fails its exchange with that refusal:
 * the source does not acknowledge the change, so the relay stops at it instead of skipping it.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class RefusedWithoutDeadLetterTopicTest {

    private final ExecutorService parking = Executors.newSingleThreadExecutor();
    private final RecordingProducer producer = new RecordingProducer(false);
    private final RelayRoutes relay = new RelayRoutes(KafkaSinks.over(producer, topic -> 3, Optional.empty(), parking));

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, RelayRoutes.ROUTES.resolve("cdc.camel.yaml"));
    }

    @AfterEach
    void stopParking() {
        parking.shutdownNow();
    }

    /**
     * The route's exchange completed when the message was sent; the refusal reaches the source through the
     * exchange's ticket, so the change is never counted as delivered and its position never saved.
     */
    @Test
    void aMessageKafkaRefusesFailsItsChangeWithTheRefusalAndNothingIsParked() throws Exception {
        NotifyBuilder sent = new NotifyBuilder(relay.context()).fromRoute("cdc").whenDone(1).create();
        CompletableFuture<Throwable> outcome = relay.feed(Docs.insert(7, 600 * 1024));

        producer.awaitSent();
        assertThat(sent.matches(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome).as("not settled before the broker answered").isNotDone();
        RecordTooLargeException refusal = new RecordTooLargeException("The message is too large");
        producer.errorNext(refusal);

        assertThat(RelayRoutes.outcomeOf(outcome)).isSameAs(refusal);
        assertThat(producer.history()).hasSize(1);
    }
}
