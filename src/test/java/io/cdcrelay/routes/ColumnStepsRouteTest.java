package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.sink.KafkaSinks;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code routes/cdc.camel.yaml} with the column steps and row filter README.md shows, in place: a
 * masked e-mail (a key column too) reaches neither the Kafka record's value nor its key, a dropped column is
 * gone, and a row the filter leaves out completes without a message while the next one goes on.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class ColumnStepsRouteTest {

    private static final String FILTER = "            simple: \"${body} != null\"\n            steps:\n";
    private static final String EDITED = "            simple: \"${body} != null && ${body.change.currentImage[status]}"
            + " != 'test'\"\n            steps:\n"
            + "              - to:\n                  uri: \"columns:mask\"\n                  parameters:\n"
            + "                    tables: \"shop.customers\"\n                    columns: \"email\"\n"
            + "                    with: \"sha256\"\n                    salt: \"s3cret\"\n"
            + "              - to:\n                  uri: \"columns:drop\"\n                  parameters:\n"
            + "                    tables: \"shop.*\"\n                    columns: \"note\"\n";

    @TempDir
    static Path edited;

    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, new StringSerializer(),
            new ByteArraySerializer());
    private final RelayRoutes relay = new RelayRoutes(KafkaSinks.over(producer, topic -> 3, Optional.empty(),
            Executors.newSingleThreadExecutor()));

    @BeforeAll
    static void addTheSteps() throws Exception {
        RelayRoutes.editedCdcRoute(edited, FILTER, EDITED);
    }

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, edited.resolve("cdc.camel.yaml"));
    }

    @Test
    void aMaskedKeyColumnReachesNeitherValueNorKeyADroppedOneIsGoneAndAFilteredRowCompletesUnsent()
            throws Exception {
        assertThat(RelayRoutes.outcomeOf(relay.feed(customer(1, "alice@example.com", "test")))).isNull();
        assertThat(RelayRoutes.outcomeOf(relay.feed(customer(2, "bob@example.com", "live")))).isNull();
        assertThat(RelayRoutes.outcomeOf(relay.feed(Changes.insert()))).isNull();

        List<ProducerRecord<String, byte[]>> records = producer.history();
        assertThat(records).as("the test row filtered out, the other two sent").hasSize(2);
        ProducerRecord<String, byte[]> bob = records.get(0);
        String value = new String(bob.value(), StandardCharsets.UTF_8);
        assertThat(value).doesNotContain("bob@").doesNotContain("example.com").doesNotContain("note")
                .doesNotContain("vip");
        assertThat(bob.key()).doesNotContain("bob@").matches(".*[0-9a-f]{64}.*");
        assertThat(records.get(1).topic()).isEqualTo("Topic_shop_orders");
    }

    private static ChangeEvent customer(long id, String email, String status) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("id", new ColumnType("BIGINT", Types.BIGINT, 20, -1));
        types.put("email", new ColumnType("VARCHAR", Types.VARCHAR, 255, -1));
        types.put("status", new ColumnType("VARCHAR", Types.VARCHAR, 16, -1));
        types.put("note", new ColumnType("VARCHAR", Types.VARCHAR, 64, -1));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("email", email);
        row.put("status", status);
        row.put("note", "vip");
        return Changes.of("customers", types, List.of("email"), Operation.INSERT, Map.of(), row,
                new TransactionInfo("0-1-5" + id, 1, 1, true), false);
    }
}
