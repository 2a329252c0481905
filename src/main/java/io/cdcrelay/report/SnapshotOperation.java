package io.cdcrelay.report;

import java.util.List;
import java.util.Map;

/**
 * Re-snapshot tables on demand: what {@code POST /snapshot} and the JMX operation
 * {@code cdc-relay:type=Snapshot} both call.
 */
public interface SnapshotOperation {

    /**
     * @param status the HTTP status: 202 accepted, 400 a wrong request, 409 not possible now, 500 the source
     *               refused the signal
     * @param body   on 202 what was requested; otherwise {@code error}, one sentence
     */
    record Answer(int status, Map<String, Object> body) {

        public static Answer refused(int status, String sentence) {
            return new Answer(status, Map.of("error", sentence));
        }

        public boolean accepted() {
            return status == 202;
        }
    }

    /** @param tables {@code db.table} names */
    Answer request(List<String> tables);

    /** Without CDC ({@code relay.cdc.enabled=false}) there is nothing to snapshot. */
    SnapshotOperation WITHOUT_CDC = tables -> Answer.refused(409,
            "This relay runs no CDC (relay.cdc.enabled=false), so there is no table to snapshot.");
}
