package io.cdcrelay.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cdcrelay.ops.RelayHealth;
import io.cdcrelay.ops.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class ParkInDeadLetterTopicTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> created = new ArrayList<>();

    @Test
    void withoutADeadLetterTopicTheRefusalStandsSoTheRelayRetries() {
        Exchange exchange = refused("value");
        assertThatThrownBy(() -> park(Optional.empty()).process(exchange)).isInstanceOf(RecordTooLargeException.class);
        assertThat(created).isEmpty();
    }

    @Test
    void aRefusedMessageGoesToTheDeadLetterTopicNamedCountedAndCutToTheLimit() throws Exception {
        Exchange exchange = refused("é".repeat(ParkInDeadLetterTopic.MAX_VALUE_BYTES));

        park(Optional.of("dead-letters")).process(exchange);

        assertThat(created).containsExactly("dead-letters");
        assertThat(exchange.getMessage().getHeader(KafkaConstants.OVERRIDE_TOPIC)).isEqualTo("dead-letters");
        assertThat(exchange.getMessage().getHeader(KafkaConstants.PARTITION_KEY)).isNull();
        assertThat(exchange.getMessage().getHeader("relay.dlq.topic")).isEqualTo("Topic_shop_docs");
        assertThat(exchange.getMessage().getHeader("relay.dlq.partition")).isEqualTo("2");
        assertThat(exchange.getMessage().getHeader("relay.dlq.size")).isEqualTo(String.valueOf(2 * ParkInDeadLetterTopic.MAX_VALUE_BYTES));
        assertThat(exchange.getMessage().getHeader("relay.dlq.reason", String.class)).startsWith("RecordTooLargeException: too big");
        assertThat(exchange.getMessage().getHeader("relay.dlq.truncated")).isEqualTo("true");
        assertThat(exchange.getMessage().getBody(String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSize(ParkInDeadLetterTopic.MAX_VALUE_BYTES);
        assertThat(meters.get("relay.dead.lettered").tag("topic", "Topic_shop_docs").counter().count()).isEqualTo(1);
    }

    private ParkInDeadLetterTopic park(Optional<String> topic) {
        return new ParkInDeadLetterTopic(topic, t -> {
            created.add(t);
            return 3;
        }, new RelayMetrics(meters, Clock.systemUTC()), new RelayHealth(meters, Clock.systemUTC()));
    }

    private static Exchange refused(String value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new RecordTooLargeException("too big"));
        exchange.setProperty(StepProperties.TOPIC, "Topic_shop_docs");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION_KEY, 2);
        exchange.getMessage().setBody(value);
        return exchange;
    }
}
