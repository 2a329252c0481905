package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BatchAcknowledgementTest {

    @Test
    void aBatchWhoseChangesAllSucceededIsAcknowledged() {
        BatchAcknowledgement batch = sent(2);
        batch.succeeded();
        batch.succeeded();
        assertThatCode(() -> batch.await(Duration.ofMillis(10))).doesNotThrowAnyException();
    }

    @Test
    void oneFailedChangeFailsTheWholeBatchWithItsCause() {
        BatchAcknowledgement batch = sent(2);
        IllegalStateException cause = new IllegalStateException("broker said no");
        batch.failed(cause);
        batch.succeeded();
        assertThatThrownBy(() -> batch.await(Duration.ofMillis(10))).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("broker said no").hasCause(cause);
    }

    @Test
    void aMissingAcknowledgementFailsTheBatchAfterTheTimeout() {
        BatchAcknowledgement batch = sent(2);
        batch.succeeded();
        assertThatThrownBy(() -> batch.await(Duration.ofMillis(20))).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("1 changes were not acknowledged");
    }

    @Test
    void aBatchThatSentNothingIsAcknowledgedAtOnce() {
        assertThatCode(() -> new BatchAcknowledgement().await(Duration.ZERO)).doesNotThrowAnyException();
    }

    private static BatchAcknowledgement sent(int changes) {
        BatchAcknowledgement batch = new BatchAcknowledgement();
        for (int i = 0; i < changes; i++) {
            batch.expect();
        }
        return batch;
    }
}
