package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/** One wire format of docs/formats.md: a change in, the message value out. */
public interface WireFormat {

    /** The name users pick it by with {@code relay.format}. */
    String name();

    String render(ChangeEvent change);

    /** The message value as the broker stores it: {@link #render} in UTF-8, made without the String between. */
    byte[] renderUtf8(ChangeEvent change);
}
