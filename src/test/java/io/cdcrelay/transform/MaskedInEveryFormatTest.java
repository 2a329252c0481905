package io.cdcrelay.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.format.FormatOptions;
import io.cdcrelay.format.FormatRegistry;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/**
 * A masked column never reaches the broker in any of the six wire formats: its value appears nowhere in the
 * message, its hash does. Debezium's own converter reads the Debezium format's message back, schema and all.
 */
class MaskedInEveryFormatTest {

    private static final List<String> FORMATS = List.of("default", "default-extend-column-type", "canal", "dataworks",
            "shareplex", "debezium");

    @Test
    void aMaskedColumnsValueAppearsInNoFormatAndItsHashInEvery() {
        FormatRegistry formats = FormatRegistry.standard(new FormatOptions("shop-relay", "MYSQL", "", "",
                () -> "10.11.19", ZoneOffset.UTC, false, true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
        ChangeEvent masked = new RewrittenChange(MaskColumns.withSha256(Set.of("email"), "s3cret"))
                .apply(CustomerChanges.update());
        String hash = (String) masked.after().get("email");

        for (String name : FORMATS) {
            String message = new String(formats.get("relay.format", name).renderUtf8(masked), StandardCharsets.UTF_8);
            assertThat(message).as(name).doesNotContain(CustomerChanges.EMAIL).doesNotContain("example")
                    .contains(hash);
        }
    }

    @Test
    void debeziumsConverterReadsTheRewrittenValueBackWithItsSchema() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        ChangeEvent dropped = new RewrittenChange(new DropColumns(Set.of("phone")))
                .apply(new RewrittenChange(MaskColumns.withText(Set.of("email"), "***")).apply(CustomerChanges.update()));
        Struct origin = (Struct) dropped.origin();

        SchemaAndValue back = converter.toConnectData("customers", converter.fromConnectData("customers",
                origin.schema(), origin));

        assertThat(back.value()).isEqualTo(origin);
        assertThat(((Struct) back.value()).getStruct("after").schema().field("phone")).isNull();
    }
}
