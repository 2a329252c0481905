package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/** One wire format of docs/formats.md: a change in, the message value out. */
public interface WireFormat {

    /** The name users pick it by with {@code relay.format}. */
    String name();

    String render(ChangeEvent change);
}
