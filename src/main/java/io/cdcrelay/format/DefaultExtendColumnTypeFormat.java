package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/**
 * OMS's "DefaultExtendColumnType": Default plus each column's SQL type in {@code __light_type}, the
 * transaction id, cluster id and DDL type, and snapshot rows as {@code ROW}.
 */
public final class DefaultExtendColumnTypeFormat implements WireFormat {

    private final OmsDefaultWriter writer;

    public DefaultExtendColumnTypeFormat(FormatOptions options) {
        this.writer = new OmsDefaultWriter(options, true);
    }

    @Override
    public String name() {
        return "default-extend-column-type";
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
