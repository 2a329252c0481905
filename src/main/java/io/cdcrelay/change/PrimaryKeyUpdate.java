package io.cdcrelay.change;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium gives an UPDATE that changes a row's primary key as two records with one and the same offset: a DELETE
 * of the old key (with the header {@value #NEW_KEY_HEADER}) and then a CREATE of the new one. A position saved
 * after the DELETE alone would, on restart, make Debezium skip the CREATE with it (it resumes after that offset),
 * so the position of the first half must never be saved before the second half is stored.
 */
public final class PrimaryKeyUpdate {

    /** Debezium's header on the DELETE half: the row's new key. */
    static final String NEW_KEY_HEADER = "__debezium.newkey";

    private PrimaryKeyUpdate() {
    }

    /** Whether {@code record} is the DELETE half of a primary-key UPDATE, whose CREATE shares its offset. */
    public static boolean isFirstHalf(SourceRecord record) {
        return record.headers() != null && record.headers().lastWithName(NEW_KEY_HEADER) != null;
    }
}
