package io.cdcrelay.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The hand-over against a fake downstream that completes exchanges when the test says the broker acknowledged. */
class HandOverTest {

    /** Holds every exchange until acknowledged or refused. */
    private static final class FakeBroker extends AsyncProcessorSupport {
        final List<Exchange> exchanges = new ArrayList<>();
        final List<AsyncCallback> callbacks = new ArrayList<>();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            exchanges.add(exchange);
            callbacks.add(callback);
            return false;
        }

        void acknowledge(int i) {
            callbacks.get(i).done(false);
        }

        void refuse(int i, Exception e) {
            exchanges.get(i).setException(e);
            callbacks.get(i).done(false);
        }
    }

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final FakeBroker broker = new FakeBroker();
    private final AtomicInteger logged = new AtomicInteger();
    private final List<Throwable> outcomes = new ArrayList<>();

    private HandOver handOver(int window, Duration timeout) {
        return new HandOver(broker, (exchange, exception) -> logged.incrementAndGet(), window, timeout);
    }

    private void send(HandOver handOver) throws InterruptedException {
        handOver.send(new DefaultExchange(context), outcomes::add);
    }

    @Test
    void theCallerDoesNotWaitForAcknowledgementsWhileTheWindowHasRoom() throws Exception {
        HandOver handOver = handOver(3, Duration.ofSeconds(5));
        send(handOver);
        send(handOver);
        send(handOver);

        assertThat(handOver.inFlight()).isEqualTo(3);
        assertThat(outcomes).isEmpty();
        broker.acknowledge(1);
        assertThat(outcomes).containsExactly((Throwable) null);
        assertThat(handOver.inFlight()).isEqualTo(2);
    }

    @Test
    void aFullWindowThatNobodyAcknowledgesFailsAfterTheTimeout() throws Exception {
        HandOver handOver = handOver(1, Duration.ofMillis(50));
        send(handOver);

        assertThatThrownBy(() -> send(handOver)).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("relay.delivery.timeout");
        Thread.sleep(60);
        assertThat(handOver.stalled()).isTrue();
    }

    @Test
    void theFirstFailureIsLoggedOnceAndStopsFurtherHandOversUntilReset() throws Exception {
        HandOver handOver = handOver(10, Duration.ofSeconds(5));
        send(handOver);
        send(handOver);
        broker.refuse(0, new IllegalStateException("refused"));
        broker.refuse(1, new IllegalStateException("refused too"));

        assertThat(logged).hasValue(1);
        assertThat(outcomes).extracting(Throwable::getMessage).containsExactly("refused", "refused too");
        assertThatThrownBy(() -> send(handOver)).isInstanceOf(DeliveryFailedException.class).hasMessageContaining("refused");
        handOver.reset();
        send(handOver);
        assertThat(handOver.inFlight()).isEqualTo(1);
    }

    @Test
    void awaitIdleReturnsOnceEveryExchangeCompleted() throws Exception {
        HandOver handOver = handOver(10, Duration.ofSeconds(5));
        send(handOver);
        send(handOver);
        assertThat(handOver.awaitIdle(Duration.ofMillis(20))).isFalse();

        Thread acknowledger = new Thread(() -> {
            broker.acknowledge(0);
            broker.acknowledge(1);
        });
        acknowledger.start();
        assertThat(handOver.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(handOver.idle()).isTrue();
    }

    /** Sends one exchange whose route sent a message and completed: the message is still on its way. */
    private Ticket routeCompletedWithAMessageOnItsWay(HandOver handOver) throws InterruptedException {
        send(handOver);
        Ticket ticket = broker.exchanges.get(0).getProperty(Ticket.PROPERTY, Ticket.class);
        ticket.hold();
        broker.acknowledge(0);
        return ticket;
    }

    @Test
    void anExchangeTheRouteCompletedWaitsForTheMessagesItsTicketStillHolds() throws Exception {
        HandOver handOver = handOver(10, Duration.ofSeconds(5));
        Ticket ticket = routeCompletedWithAMessageOnItsWay(handOver);

        assertThat(outcomes).as("a message of the exchange is still on its way").isEmpty();
        assertThat(handOver.inFlight()).isEqualTo(1);
        ticket.release(null, 42);
        assertThat(outcomes).containsExactly((Throwable) null);
        assertThat(handOver.idle()).isTrue();
    }

    @Test
    void aRefusalAnsweredAfterTheRouteCompletedIsTheExchangesOutcomeAndLoggedOnce() throws Exception {
        HandOver handOver = handOver(10, Duration.ofSeconds(5));
        routeCompletedWithAMessageOnItsWay(handOver).release(new IllegalStateException("refused"), 42);

        assertThat(outcomes).extracting(Throwable::getMessage).containsExactly("refused");
        assertThat(logged).hasValue(1);
        assertThatThrownBy(() -> send(handOver)).isInstanceOf(DeliveryFailedException.class);
    }

    @Test
    void onlyAnAcknowledgementEndsTheTimeWithoutOneARefusalDoesNot() throws Exception {
        HandOver handOver = handOver(10, Duration.ofSeconds(5));
        assertThat(handOver.unacknowledgedFor()).as("nothing waits").isEmpty();
        send(handOver);
        send(handOver);
        send(handOver);
        Thread.sleep(50);

        broker.refuse(0, new IllegalStateException("broker away"));
        assertThat(handOver.unacknowledgedFor()).get().matches(d -> d.toMillis() >= 50, "counted from the first send");
        assertThat(handOver.lastAcknowledged()).isEmpty();

        broker.acknowledge(1);
        assertThat(handOver.unacknowledgedFor()).get().matches(d -> d.toMillis() < 50, "counted from the acknowledgement");
        assertThat(handOver.lastAcknowledged()).isPresent();
    }
}
