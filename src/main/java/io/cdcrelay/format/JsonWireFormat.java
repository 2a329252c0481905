package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/**
 * A wire format written as one JSON document: the format says what the document holds, and it is written as a
 * string for {@link #render} or straight to UTF-8 bytes for the broker.
 */
abstract class JsonWireFormat implements WireFormat {

    private final JsonText json = new JsonText();

    /** The document of {@code change}; called once for each rendering. */
    abstract JsonText.Body body(ChangeEvent change);

    @Override
    public final String render(ChangeEvent change) {
        return json.write(body(change));
    }

    @Override
    public final byte[] renderUtf8(ChangeEvent change) {
        return json.utf8(body(change));
    }
}
