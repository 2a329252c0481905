package io.cdcrelay.format;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.cdcrelay.change.ColumnType;

/** Writes one JSON document, as a string or as UTF-8 bytes, with a streaming generator; shared by the text formats. */
final class JsonText {

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonFactory factory = new JsonFactory();

    String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = factory.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The document as UTF-8, written as bytes from the start: no String between the generator and the message. */
    byte[] utf8(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An image as an object of rendered text values, in column order. */
    static void image(JsonGenerator g, Map<String, Object> image, Map<String, ColumnType> types, ValueRenderer values)
            throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> column : image.entrySet()) {
            g.writeStringField(column.getKey(), values.render(column.getValue(), types.get(column.getKey())));
        }
        g.writeEndObject();
    }
}
