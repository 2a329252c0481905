package io.cdcrelay.format;

import io.cdcrelay.change.ChangeEvent;

/**
 * OMS's "DefaultExtendColumnType": Default plus each column's SQL type in {@code __light_type}, the
 * transaction id, cluster id and DDL type, and snapshot rows as {@code ROW}.
 */
public final class DefaultExtendColumnTypeFormat extends JsonWireFormat {

    private final OmsDefaultWriter writer;

    public DefaultExtendColumnTypeFormat(FormatOptions options) {
        this.writer = new OmsDefaultWriter(options, true);
    }

    @Override
    public String name() {
        return "default-extend-column-type";
    }

    @Override
    JsonText.Body body(ChangeEvent change) {
        return writer.body(change);
    }
}
