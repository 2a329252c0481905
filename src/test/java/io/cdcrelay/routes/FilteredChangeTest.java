package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's edit of {@code routes/cdc.camel.yaml} that drops a table: the change it filters out must still complete
 * its exchange, because the source acknowledges it and saves its position past it, and must never reach the sink;
 * the next change goes on. The route is the real file with its filter's condition extended, loaded from a copy.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class FilteredChangeTest {

    private static final String FILTER = "simple: \"${body} != null\"";
    private static final String EDITED = "simple: \"${body} != null && ${body.change.table} != 'audit_log'\"";

    @TempDir
    static Path edited;

    private final RecordingSink sink = RecordingSink.holding(3);
    private final RelayRoutes relay = new RelayRoutes(sink);

    @BeforeAll
    static void editTheRoute() throws Exception {
        RelayRoutes.editedCdcRoute(edited, FILTER, EDITED);
    }

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, edited.resolve("cdc.camel.yaml"));
    }

    @Test
    void aChangeTheEditedRouteFiltersOutCompletesWithoutReachingTheSinkAndTheNextChangeDoes() throws Exception {
        NotifyBuilder filteredDone = new NotifyBuilder(relay.context()).fromRoute("cdc").whenCompleted(1).create();
        ChangeEvent audit = Changes.of("audit_log", Changes.orderTypes(), List.of("id"), Operation.INSERT,
                Map.of(), Changes.order(1, "0.00"), new TransactionInfo("0-1-70", 1, 1, true), false);

        // the sink holds every acknowledgement: a change that reached it could not complete
        assertThat(RelayRoutes.outcomeOf(relay.feed(audit))).isNull();
        assertThat(filteredDone.matches(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.received()).isEmpty();

        CompletableFuture<Throwable> next = relay.feed(Changes.insert());
        Outgoing order = sink.awaitNext();
        sink.acknowledge();

        assertThat(RelayRoutes.outcomeOf(next)).isNull();
        assertThat(order.change().table()).isEqualTo("orders");
        assertThat(sink.received()).containsExactly(order);
    }
}
