package io.cdcrelay.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AcknowledgedPrefixTest {

    private final List<String> saved = new ArrayList<>();
    private final AcknowledgedPrefix<String> prefix = new AcknowledgedPrefix<>(saved::add);

    @Test
    void anItemIsPassedOnOnlyOnceEveryItemBeforeItIsAcknowledged() {
        long a = prefix.take("a");
        long b = prefix.take("b");
        long c = prefix.take("c");

        prefix.acknowledge(c);
        prefix.acknowledge(b);
        assertThat(saved).isEmpty();

        prefix.acknowledge(a);
        assertThat(saved).containsExactly("a", "b", "c");
        assertThat(prefix.waiting()).isZero();
    }

    @Test
    void anUnacknowledgedItemHoldsBackEverythingBehindIt() {
        long a = prefix.take("a");
        prefix.take("failed");
        long c = prefix.take("c");

        prefix.acknowledge(a);
        prefix.acknowledge(c);

        assertThat(saved).containsExactly("a");
        assertThat(prefix.waiting()).isEqualTo(2);
    }

    @Test
    void itGrowsPastItsFirstCapacityAndKeepsStreamOrder() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            sequences.add(prefix.take("r" + i));
        }
        for (int i = sequences.size() - 1; i >= 1; i--) {
            prefix.acknowledge(sequences.get(i));
        }
        assertThat(saved).isEmpty();
        prefix.acknowledge(sequences.get(0));
        assertThat(saved).hasSize(5000).startsWith("r0", "r1").endsWith("r4999");
    }

    @Test
    void anItemIsAcknowledgedOnce() {
        long a = prefix.take("a");
        prefix.acknowledge(a);
        assertThatThrownBy(() -> prefix.acknowledge(a)).isInstanceOf(IllegalArgumentException.class);
    }
}
