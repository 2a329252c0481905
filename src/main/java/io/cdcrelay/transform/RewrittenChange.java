package io.cdcrelay.transform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Applies one {@link ColumnRewrite} to a row change: its images, column types and key columns, and the connector's
 * own value the Debezium format writes (its {@code before} and {@code after}), so no format sees the columns as
 * they were. A masked value in that value is the one the images got, so every format carries the same text.
 */
final class RewrittenChange {

    private static final List<String> IMAGES = List.of("before", "after");

    private final ColumnRewrite rewrite;
    /**
     * The connector's value schema → the rewritten one. Debezium keeps one schema instance per table version, so
     * the lookup is by identity: a Connect schema's own hash code walks all its fields.
     */
    private final Map<Schema, Schema> schemas = Collections.synchronizedMap(new IdentityHashMap<>());

    RewrittenChange(ColumnRewrite rewrite) {
        this.rewrite = rewrite;
    }

    ChangeEvent apply(ChangeEvent change) {
        Map<String, Object> before = image(change.before());
        Map<String, Object> after = image(change.after());
        Map<String, ColumnType> types = new LinkedHashMap<>();
        change.columnTypes().forEach((column, type) -> {
            String name = rewrite.name(column);
            if (name != null) {
                types.put(name, rewrite.type(column, type));
            }
        });
        List<String> keys = new ArrayList<>();
        for (String column : change.keyColumns()) {
            String name = rewrite.name(column);
            if (name != null) {
                keys.add(name);
            }
        }
        Object origin = change.origin() instanceof Struct envelope ? envelope(envelope, before, after)
                : change.origin();
        return new ChangeEvent(change.database(), change.table(), change.operation(), before, after, types, keys,
                change.position(), change.transaction(), change.commitTime(), change.commitSequence(),
                change.snapshot(), change.ddl(), origin);
    }

    private Map<String, Object> image(Map<String, Object> image) {
        Map<String, Object> rewritten = new LinkedHashMap<>();
        image.forEach((column, value) -> {
            String name = rewrite.name(column);
            if (name != null) {
                rewritten.put(name, value == null ? null : rewrite.value(column, value));
            }
        });
        return rewritten;
    }

    private Struct envelope(Struct envelope, Map<String, Object> before, Map<String, Object> after) {
        Schema schema = schemas.computeIfAbsent(envelope.schema(), this::envelopeSchema);
        Struct rewritten = new Struct(schema);
        for (Field field : envelope.schema().fields()) {
            Object value = envelope.get(field);
            if (IMAGES.contains(field.name()) && value instanceof Struct row) {
                value = row(row, schema.field(field.name()).schema(), field.name().equals("before") ? before : after);
            }
            rewritten.put(field.name(), value);
        }
        return rewritten;
    }

    private Schema envelopeSchema(Schema envelope) {
        SchemaBuilder builder = struct(envelope);
        for (Field field : envelope.fields()) {
            boolean image = IMAGES.contains(field.name()) && field.schema().type() == Schema.Type.STRUCT;
            builder.field(field.name(), image ? rowSchema(field.schema()) : field.schema());
        }
        return builder.build();
    }

    private Schema rowSchema(Schema row) {
        SchemaBuilder builder = struct(row);
        for (Field field : row.fields()) {
            String name = rewrite.name(field.name());
            if (name != null) {
                builder.field(name, rewrite.schema(field.name(), field.schema()));
            }
        }
        return builder.build();
    }

    /** A struct schema with the name, version, doc and optionality of {@code like}, without its fields. */
    private static SchemaBuilder struct(Schema like) {
        SchemaBuilder builder = SchemaBuilder.struct().name(like.name()).version(like.version()).doc(like.doc());
        return like.isOptional() ? builder.optional() : builder;
    }

    /** The row's columns as the step leaves them; a value the step changed is taken from the rewritten image. */
    private Struct row(Struct row, Schema schema, Map<String, Object> image) {
        Struct rewritten = new Struct(schema);
        for (Field field : row.schema().fields()) {
            String name = rewrite.name(field.name());
            if (name == null) {
                continue;
            }
            Object value = row.get(field);
            boolean changed = rewrite.schema(field.name(), field.schema()) != field.schema();
            rewritten.put(name, value != null && changed ? image.get(name) : value);
        }
        return rewritten;
    }
}
