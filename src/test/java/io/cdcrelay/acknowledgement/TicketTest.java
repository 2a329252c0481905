package io.cdcrelay.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TicketTest {

    private final List<Throwable> outcomes = new ArrayList<>();
    private final Ticket ticket = new Ticket(outcomes::add);

    @Test
    void aRouteThatSentNothingSettlesTheTicketWhenItCompletes() {
        ticket.release(null);

        assertThat(outcomes).containsExactly((Throwable) null);
    }

    @Test
    void theTicketWaitsForEveryMessageSentEvenAfterTheRouteCompleted() {
        ticket.hold();
        ticket.hold();
        ticket.release(null);
        ticket.release(null, 100);
        assertThat(outcomes).as("one message not answered yet").isEmpty();

        ticket.release(null, 50);
        assertThat(outcomes).containsExactly((Throwable) null);
    }

    @Test
    void theFirstFailureSettlesTheTicketWhateverCameAfter() {
        IllegalStateException refused = new IllegalStateException("refused");
        ticket.hold();
        ticket.hold();
        ticket.release(refused, 10);
        ticket.release(new IllegalStateException("later"), 10);
        ticket.release(null);

        assertThat(outcomes).containsExactly(refused);
    }

    @Test
    void watchersLearnTheOutcomeAndTheBytesSent() {
        List<String> seen = new ArrayList<>();
        ticket.watch((failure, bytes) -> seen.add("first " + failure + " " + bytes));
        ticket.watch((failure, bytes) -> seen.add("second " + failure + " " + bytes));
        ticket.hold();
        ticket.hold();
        ticket.release(null, 300);
        ticket.release(null, 200);
        ticket.release(null);

        assertThat(seen).containsExactly("first null 500", "second null 500");
    }

    @Test
    void aSettledTicketCannotBeHeldAgain() {
        ticket.release(null);

        assertThatThrownBy(ticket::hold).isInstanceOf(IllegalStateException.class);
        assertThat(outcomes).hasSize(1);
    }
}
