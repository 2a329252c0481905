package io.cdcrelay.position;

import java.util.Collections;
import java.util.Map;

/**
 * Where a source resumes after a change: Debezium's source partition and offset of its record, and the session
 * that read it. Under {@code relay.delivery.guarantee=exactly-once} the Kafka sink writes the resume point of
 * the last change of each Kafka transaction into that transaction, so the changes and the position they end at
 * become visible together or not at all.
 *
 * @param session   the number of the source session that read the change; a sink that failed a session's
 *                  change refuses the rest of that session, whose changes are read again by the next one
 * @param partition Debezium's source partition ({@code {"server": <topic prefix>}})
 * @param offset    Debezium's offset after the change, as its engine would save it
 * @param complete  whether the source may resume after the change once this message is stored: false for a part
 *                  of a change that more parts follow (a key split's DELETE, whose INSERT completes the UPDATE), so
 *                  the position is not saved with the first part alone and a crash between the parts does not
 *                  lose the second
 */
public record ResumePoint(long session, Map<String, ?> partition, Map<String, ?> offset, boolean complete) {

    /** The exchange property a source consumer sets to the number of the session that read the change. */
    public static final String SESSION_PROPERTY = "CdcRelaySession";
    /**
     * The exchange property that holds the resume point of the change an exchange stands for, set where the change
     * is mapped: steps a user adds may rebuild the body without it, and the sink then takes it from here.
     */
    public static final String PROPERTY = "CdcRelayResumePoint";

    // Debezium makes a new offset map for every record and never changes it after: a view, not a copy, which
    // hashed every entry of every change
    public ResumePoint {
        partition = Collections.unmodifiableMap(partition);
        offset = Collections.unmodifiableMap(offset);
    }

    /** The resume point of a whole change. */
    public ResumePoint(long session, Map<String, ?> partition, Map<String, ?> offset) {
        this(session, partition, offset, true);
    }

    /** The same place, for a part of the change that another part completes. */
    public ResumePoint incomplete() {
        return new ResumePoint(session, partition, offset, false);
    }
}
