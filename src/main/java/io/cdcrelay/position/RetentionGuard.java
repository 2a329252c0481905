package io.cdcrelay.position;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The pure part of the binlog-retention guard: whether the source still has the binlog file of a saved position,
 * the sentence that refuses a start when it does not, and how long the file a restart would begin at is still
 * safe from the server's expiry.
 *
 * <p>Only the file matters: a server purges whole files, oldest first, so a position whose file is still listed
 * by {@code SHOW BINARY LOGS} can be read from, GTIDs included (the GTIDs after it are in that file and the
 * later ones). A position whose file is gone cannot be continued without losing the changes in between:
 * Debezium would otherwise fail deep inside its engine with a stack trace, or, with a snapshot mode such as
 * {@code when_needed}, copy the tables again without a word.
 */
public final class RetentionGuard {

    /** Below this share of the retention, the headroom is worth a warning. */
    static final double WARN_SHARE = 0.2;

    private RetentionGuard() {
    }

    /**
     * A position saved in the engine's offsets.
     *
     * @param gtids the GTID set saved with it, empty when the server or connector writes none
     */
    public record Saved(String file, long position, String gtids) {

        /**
         * The binlog position in an engine offset; empty without one, and while the initial snapshot has not
         * finished (Debezium then copies the tables again from a new position, whatever the saved one).
         */
        public static Optional<Saved> of(Map<String, ?> offset) {
            Object file = offset.get("file");
            Object snapshot = offset.get("snapshot");
            if (file == null || file.toString().isEmpty() || snapshot != null && "true".equals(snapshot.toString())) {
                return Optional.empty();
            }
            Object pos = offset.get("pos");
            Object gtids = offset.get("gtids");
            return Optional.of(new Saved(file.toString(), pos instanceof Number n ? n.longValue() : 0,
                    gtids == null ? "" : gtids.toString()));
        }

        /** {@code file:position}, with its GTIDs when there are some. */
        public String describe() {
            return file + ":" + position + (gtids.isEmpty() ? "" : " (GTIDs " + gtids + ")");
        }
    }

    /** Whether the source still has the file of {@code saved}; an empty list (binlog off) is left to the precheck. */
    public static boolean kept(Saved saved, List<String> files) {
        return files.isEmpty() || files.contains(saved.file());
    }

    /** What a purged saved position lost: the first half of the sentence that refuses the start. */
    public static String lost(Saved saved, String sourceName, String oldestFile, Optional<Instant> oldestBegun) {
        return "the saved position " + saved.describe() + " of relay.source.name=" + sourceName
                + " is no longer on the source, whose oldest binlog is " + oldestFile
                + oldestBegun.map(t -> " (begun " + t + ")").orElse("")
                + ", so the changes committed between them were purged before the relay read them";
    }

    /**
     * The two ways on, after deleting the saved state (a saved position always wins over both settings).
     *
     * @param savedState what to delete, such as the offset and schema-history files
     */
    public static String fix(String savedState, Optional<Instant> oldestBegun) {
        return "delete " + savedState + ", then start with full in relay.sync-types to copy the current rows again, "
                + "or with relay.incremental.start-timestamp set to "
                + oldestBegun.map(t -> "a time at or after " + t).orElse("a time the oldest binlog holds")
                + " to continue from the binlog the source still has";
    }

    /**
     * Seconds until the server may purge the binlog file a restart would begin at: a server purges a file once
     * the next one was begun longer ago than its retention (the file's last write is when it was closed), and
     * never the file it is writing.
     *
     * @param relayFile        the file of the relay's position; empty when it has none (a restart then loses
     *                         nothing to the expiry: the full retention)
     * @param files            the server's files, oldest first
     * @param began            the creation time of a file, epoch seconds
     * @param retentionSeconds the server's retention, 0 or less when binlogs never expire
     * @return the headroom, 0 when the file is gone or due; NaN when binlogs never expire
     */
    public static double headroomSeconds(Optional<String> relayFile, List<String> files, ToLongFunction<String> began,
            long retentionSeconds, long now) {
        if (retentionSeconds <= 0) {
            return Double.NaN;
        }
        if (relayFile.isEmpty()) {
            return retentionSeconds;
        }
        int index = files.indexOf(relayFile.get());
        if (index < 0) {
            return 0;
        }
        if (index == files.size() - 1) {
            return retentionSeconds;
        }
        long closed = began.applyAsLong(files.get(index + 1));
        return Math.max(0, Math.min(retentionSeconds, closed + retentionSeconds - now));
    }

    /** Whether a headroom is low enough to warn: under {@link #WARN_SHARE} of the retention. */
    static boolean low(double headroomSeconds, long retentionSeconds) {
        return !Double.isNaN(headroomSeconds) && headroomSeconds < WARN_SHARE * retentionSeconds;
    }
}
