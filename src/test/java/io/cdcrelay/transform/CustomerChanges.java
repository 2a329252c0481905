package io.cdcrelay.transform;

import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.SourcePosition;
import io.cdcrelay.change.TransactionInfo;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/** An UPDATE of {@code shop.customers} (id, email, phone), with the connector's value Debezium would give it. */
final class CustomerChanges {

    static final String EMAIL = "alice@example.com";
    static final String NEW_EMAIL = "alice@example.org";

    private static final Schema ROW = SchemaBuilder.struct().name("shop.shop.customers.Value").optional()
            .field("id", Schema.INT64_SCHEMA).field("email", Schema.STRING_SCHEMA)
            .field("phone", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mariadb.Source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.shop.customers.Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();

    private CustomerChanges() {
    }

    static ChangeEvent update() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("id", new ColumnType("BIGINT", Types.BIGINT, 20, -1));
        types.put("email", new ColumnType("VARCHAR", Types.VARCHAR, 255, -1));
        types.put("phone", new ColumnType("VARCHAR", Types.VARCHAR, 32, -1));
        Struct envelope = new Struct(ENVELOPE).put("before", row(EMAIL)).put("after", row(NEW_EMAIL))
                .put("source", new Struct(SOURCE).put("db", "shop").put("table", "customers")).put("op", "u")
                .put("ts_ms", 1795252356464L);
        return new ChangeEvent("shop", "customers", Operation.UPDATE, image(EMAIL), image(NEW_EMAIL), types,
                List.of("id", "email"), SourcePosition.NONE, new TransactionInfo("0-1-49", 1, 1, true),
                Instant.ofEpochSecond(1795252356), 1795252356_00001L, false, "", envelope);
    }

    private static Map<String, Object> image(String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 7L);
        row.put("email", email);
        row.put("phone", null);
        return row;
    }

    private static Struct row(String email) {
        return new Struct(ROW).put("id", 7L).put("email", email).put("phone", null);
    }
}
