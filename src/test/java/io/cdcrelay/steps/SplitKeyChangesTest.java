package io.cdcrelay.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.format.ValueRenderer;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The key split step: the parts of an UPDATE that moved its row stand for that UPDATE's place in the binlog. */
class SplitKeyChangesTest {

    private static final ResumePoint AFTER_UPDATE = new ResumePoint(4, Map.of("server", "relay"),
            Map.of("file", "binlog.000002", "pos", 5412L, "event", 2L, "row", 1));

    private final SplitKeyChanges step = new SplitKeyChanges(new KeyChangeSplitter(
            new PartitionKey(new ValueRenderer(ZoneOffset.UTC), (db, t) -> List.of()), new CommitSequence(), true));

    @Test
    void bothPartsOfAKeyMoveKeepThePositionOfTheUpdateAndOnlyTheInsertCompletesIt() {
        ChangeEvent move = Changes.orders(Operation.UPDATE, Changes.order(7, "1.00"), Changes.order(8, "1.00"),
                new TransactionInfo("0-1-49", 1, 1, true), false);

        List<Outgoing> parts = split(Outgoing.of(move, AFTER_UPDATE));

        assertThat(parts).extracting(p -> p.change().operation()).containsExactly(Operation.DELETE, Operation.INSERT);
        Outgoing delete = parts.get(0);
        Outgoing insert = parts.get(1);
        assertThat(insert.resumeAt()).as("the INSERT stands for the whole UPDATE").isEqualTo(AFTER_UPDATE);
        assertThat(delete.resumeAt()).as("the DELETE belongs to the UPDATE's session, at its position").isNotNull();
        assertThat(delete.resumeAt().session()).isEqualTo(AFTER_UPDATE.session());
        assertThat(delete.resumeAt().partition()).isEqualTo(AFTER_UPDATE.partition());
        assertThat(delete.resumeAt().offset()).isEqualTo(AFTER_UPDATE.offset());
        assertThat(delete.resumeAt().complete()).as("the source may not resume after the UPDATE with the DELETE alone")
                .isFalse();
    }

    @Test
    void aChangeThatKeepsItsKeyStaysOneMessageWithItsPosition() {
        ChangeEvent update = Changes.orders(Operation.UPDATE, Changes.order(7, "1.00"), Changes.order(7, "2.00"),
                new TransactionInfo("0-1-49", 1, 1, true), false);
        Outgoing one = Outgoing.of(update, AFTER_UPDATE);

        Exchange exchange = exchangeOf(one);
        step.process(exchange);

        assertThat(exchange.getMessage().getBody()).isSameAs(one);
    }

    @Test
    void aChangeFedWithoutPositionSplitsIntoPartsWithout() {
        ChangeEvent move = Changes.orders(Operation.UPDATE, Changes.order(7, "1.00"), Changes.order(8, "1.00"),
                new TransactionInfo("0-1-49", 1, 1, true), false);

        assertThat(split(Outgoing.of(move))).extracting(Outgoing::resumeAt).containsOnlyNulls();
    }

    private List<Outgoing> split(Outgoing outgoing) {
        Exchange exchange = exchangeOf(outgoing);
        step.process(exchange);
        @SuppressWarnings("unchecked")
        List<Outgoing> parts = exchange.getMessage().getBody(List.class);
        return parts;
    }

    private static Exchange exchangeOf(Outgoing body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
