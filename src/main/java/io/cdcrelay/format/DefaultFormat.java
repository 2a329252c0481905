package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/** OceanBase Migration Service's "Default" format, as docs/formats.md#default specifies it field by field. */
public final class DefaultFormat implements WireFormat {

    private final OmsDefaultWriter writer;

    public DefaultFormat(FormatOptions options) {
        this.writer = new OmsDefaultWriter(options, false);
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String render(ChangeEvent change) {
        return writer.render(change);
    }

    @Override
    public byte[] renderUtf8(ChangeEvent change) {
        return writer.renderUtf8(change);
    }
}
