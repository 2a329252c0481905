package io.cdcrelay.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TransactionBufferTest {

    /** Test records: "B" begin, "E<n>" end of a transaction of n changes, "DDL..." a statement, else a change. */
    private static TransactionBuffer<String> buffer(int chunk) {
        return new TransactionBuffer<>(chunk,
                r -> r.equals("B") ? TransactionBuffer.Kind.BEGIN
                        : r.startsWith("E") ? TransactionBuffer.Kind.END
                        : r.startsWith("DDL") ? TransactionBuffer.Kind.STATEMENT : TransactionBuffer.Kind.CHANGE,
                r -> Long.parseLong(r.substring(1)));
    }

    @Test
    void aTransactionIsHeldUntilItsEndAndReleasedWithItsSizeAndLastChangeMarked() {
        TransactionBuffer<String> buffer = buffer(100);
        assertThat(buffer.offer("B")).isEmpty();
        assertThat(buffer.offer("a")).isEmpty();
        assertThat(buffer.offer("b")).isEmpty();
        assertThat(buffer.heldCount()).isEqualTo(3);

        List<Released<String>> out = buffer.offer("E2");

        assertThat(out).containsExactly(new Released<>("B", 0, false, false), new Released<>("a", 2, false, true),
                new Released<>("b", 2, true, true), new Released<>("E2", 0, false, false));
        assertThat(buffer.heldCount()).isZero();
    }

    @Test
    void aTransactionLongerThanAChunkIsReleasedInChunksWithItsSizeUnknown() {
        TransactionBuffer<String> buffer = buffer(2);
        List<Released<String>> out = new ArrayList<>();
        for (String r : List.of("B", "a", "b", "c", "E3")) {
            out.addAll(buffer.offer(r));
        }
        assertThat(out).extracting(Released::record).containsExactly("B", "a", "b", "c", "E3");
        assertThat(out).filteredOn(Released::deliver).extracting(Released::size).containsOnly(0L);
        assertThat(out).filteredOn(Released::last).extracting(Released::record).containsExactly("c");
    }

    @Test
    void changesOutsideATransactionPassStraightThrough() {
        TransactionBuffer<String> buffer = buffer(10);
        assertThat(buffer.offer("snapshot-row")).containsExactly(new Released<>("snapshot-row", 0, false, true));
        assertThat(buffer.heldCount()).isZero();
    }

    @Test
    void aBeginWithoutTheEndOfThePreviousTransactionReleasesWhatWasHeld() {
        TransactionBuffer<String> buffer = buffer(10);
        buffer.offer("B");
        buffer.offer("a");
        assertThat(buffer.offer("B")).extracting(Released::record).containsExactly("B", "a");
        assertThat(buffer.heldCount()).isEqualTo(1);
    }

    @Test
    void aStatementIsReleasedAtOnceAsATransactionOfItsOwnWithoutWaitingForItsEnd() {
        TransactionBuffer<String> buffer = buffer(10);
        assertThat(buffer.offer("B")).isEmpty();
        assertThat(buffer.offer("DDL alter")).containsExactly(new Released<>("B", 0, false, false),
                new Released<>("DDL alter", 1, true, true));
        assertThat(buffer.heldCount()).isZero();
        assertThat(buffer.offer("E1")).as("its late END").containsExactly(new Released<>("E1", 0, false, false));
    }

    @Test
    void anEndWithoutABeginIsAcknowledgedButNotDelivered() {
        assertThat(buffer(10).offer("E5")).containsExactly(new Released<>("E5", 0, false, false));
    }
}
