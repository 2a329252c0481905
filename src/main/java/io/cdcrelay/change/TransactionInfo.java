package io.cdcrelay.change;

/**
 * The source transaction a change belongs to.
 *
 * @param id       GTID where the source has one, else {@code binlogfile:position}
 * @param sequence 1-based position of the change in its transaction, 0 when unknown
 * @param size     number of changes in the transaction, 0 while unknown
 * @param last     whether the change is known to be the transaction's last
 */
public record TransactionInfo(String id, long sequence, long size, boolean last) {

    public static TransactionInfo of(String id) {
        return new TransactionInfo(id, 0, 0, false);
    }

    public TransactionInfo {
        id = id == null ? "" : id;
    }
}
