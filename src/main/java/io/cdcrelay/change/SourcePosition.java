package io.cdcrelay.change;

/**
 * Where a change was read in the source's binlog.
 *
 * @param file     binlog file name; empty for snapshot rows read before streaming started
 * @param position offset of the event in the file
 * @param row      index of the row inside its binlog event (one statement can change many rows)
 * @param gtid     GTID of the transaction, empty when the server or connector has none
 */
public record SourcePosition(String file, long position, int row, String gtid) {

    public static final SourcePosition NONE = new SourcePosition("", 0, 0, "");

    /** {@code file:position}, the transaction id of a source without GTIDs. */
    public String filePosition() {
        return file + ":" + position;
    }
}
