package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/** OceanBase Migration Service's "Default" format, as docs/formats.md#default specifies it field by field. */
public final class DefaultFormat extends JsonWireFormat {

    private final OmsDefaultWriter writer;

    public DefaultFormat(FormatOptions options) {
        this.writer = new OmsDefaultWriter(options, false);
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    JsonText.Body body(ChangeEvent change) {
        return writer.body(change);
    }
}
