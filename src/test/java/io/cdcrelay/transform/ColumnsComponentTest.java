package io.cdcrelay.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdcrelay.change.Changes;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code columns:} step as a route declares it: its parameters, and the tables it leaves alone. */
class ColumnsComponentTest {

    private final CamelContext camel = new DefaultCamelContext();

    ColumnsComponentTest() {
        camel.addComponent("columns", new ColumnsComponent());
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aMaskStepRewritesTheChangesOfItsTablesAndLeavesOthersAlone() throws Exception {
        Producer mask = camel.getEndpoint("columns:mask?tables=shop.customers&columns=email&with=sha256&salt=s3cret")
                .createProducer();

        Outgoing customer = run(mask, Outgoing.of(CustomerChanges.update()));
        Outgoing order = run(mask, Outgoing.of(Changes.insert()));

        assertThat(customer.change().after().get("email")).asString().matches("[0-9a-f]{64}");
        assertThat(order.change()).isEqualTo(Changes.insert());
    }

    @Test
    void aDatabaseWildcardCoversEveryTableOfIt() throws Exception {
        Producer drop = camel.getEndpoint("columns:drop?tables=shop.*&columns=email").createProducer();

        assertThat(run(drop, Outgoing.of(CustomerChanges.update())).change().after()).doesNotContainKey("email");
    }

    @Test
    void wrongParametersStopTheStartWithOneSentenceNamingTheStep() {
        assertThat(refusal("columns:mask?tables=shop.customers&columns=email&with=sha256")).isEqualTo(
                "the route step columns://mask?columns=email&tables=shop.customers&with=sha256 hashes with sha256 but "
                + "has no salt: give it a secret salt=..., without which a hash of a likely value (an e-mail "
                + "address) can be looked up.");
        assertThat(refusal("columns:hide?tables=shop.customers&columns=email")).contains("is no column step");
        assertThat(refusal("columns:drop?columns=email")).contains("has no tables");
        assertThat(refusal("columns:rename?tables=*&columns=email")).contains("renames email: give each column as "
                + "old:new.");
        assertThat(refusal("columns:drop?tables=*&columns=email&colums=phone")).contains("parameters it does not "
                + "know, [colums]");
    }

    private String refusal(String uri) {
        Throwable thrown = null;
        try {
            camel.getEndpoint(uri);
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).as(uri).isNotNull();
        while (!(thrown instanceof SettingsException) && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOf(SettingsException.class);
        return thrown.getMessage();
    }

    private Outgoing run(Producer step, Outgoing body) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        step.process(exchange);
        return exchange.getMessage().getBody(Outgoing.class);
    }
}
