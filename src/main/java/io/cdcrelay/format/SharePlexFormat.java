package io.cdcrelay.format;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;

/** SharePlex's JSON: {@code meta}, {@code data} and, for updates, {@code key}. */
public final class SharePlexFormat extends JsonWireFormat {

    private final FormatOptions options;
    private final ValueRenderer values;

    public SharePlexFormat(FormatOptions options) {
        this.options = options;
        this.values = new ValueRenderer(options.timeZone());
    }

    @Override
    public String name() {
        return "shareplex";
    }

    @Override
    JsonText.Body body(ChangeEvent change) {
        return g -> {
            g.writeStartObject();
            meta(g, change);
            switch (change.operation()) {
                case INSERT -> image(g, "data", change.after(), change);
                case DELETE -> image(g, "data", change.before(), change);
                case UPDATE -> {
                    changed(g, change);
                    keyImage(g, change);
                }
                case DDL -> {
                    if (DdlKind.of(change.ddl()) != DdlKind.TRUNCATE) {
                        g.writeObjectFieldStart("data");
                        g.writeStringField("ddl", change.ddl());
                        g.writeEndObject();
                    }
                }
                case HEARTBEAT -> {
                    // meta only
                }
            }
            g.writeEndObject();
        };
    }

    private void meta(JsonGenerator g, ChangeEvent change) throws IOException {
        TransactionInfo tx = change.transaction();
        g.writeObjectFieldStart("meta");
        g.writeStringField("op", op(change));
        g.writeStringField("table", options.qualifiedDatabase(change.database()) + "." + change.table());
        g.writeStringField("time", iso(change.commitTime()));
        g.writeStringField("userid", "");
        g.writeStringField("trans", tx.id());
        g.writeNumberField("seq", tx.sequence());
        g.writeNumberField("size", tx.size());
        g.writeStringField("idx", tx.sequence() + "/" + tx.size());
        g.writeStringField("posttime", iso(options.clock().instant()));
        g.writeEndObject();
    }

    private static String op(ChangeEvent change) {
        return switch (change.operation()) {
            case INSERT -> "ins";
            case UPDATE -> "upd";
            case DELETE -> "del";
            case HEARTBEAT -> "heartbeat";
            case DDL -> DdlKind.of(change.ddl()) == DdlKind.TRUNCATE ? "truncate" : "ddl";
        };
    }

    private void image(JsonGenerator g, String field, Map<String, Object> image, ChangeEvent change) throws IOException {
        g.writeFieldName(field);
        JsonText.image(g, image, change.columnTypes(), values);
    }

    /** An update's data: only the columns whose value changed, with their new values. */
    private void changed(JsonGenerator g, ChangeEvent change) throws IOException {
        g.writeObjectFieldStart("data");
        for (Map.Entry<String, Object> column : change.after().entrySet()) {
            ColumnType type = change.columnTypes().get(column.getKey());
            String after = values.render(column.getValue(), type);
            if (!Objects.equals(after, values.render(change.before().get(column.getKey()), type))) {
                g.writeStringField(column.getKey(), after);
            }
        }
        g.writeEndObject();
    }

    /** An update's key: the key columns with their old values. */
    private void keyImage(JsonGenerator g, ChangeEvent change) throws IOException {
        g.writeObjectFieldStart("key");
        for (String column : change.keyColumns()) {
            g.writeStringField(column, values.render(change.before().get(column), change.columnTypes().get(column)));
        }
        g.writeEndObject();
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
