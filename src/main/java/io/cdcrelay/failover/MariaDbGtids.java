package io.cdcrelay.failover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MariaDB GTID positions compared without a server. A GTID is {@code domain-server-sequence}; sequences grow within
 * a domain whoever writes, and a binlog's {@code gtid_binlog_state} names the last GTID of every (domain, server)
 * pair it holds. A saved position is the last GTID the relay read per (domain, server) pair, as Debezium's offset
 * keeps it.
 */
final class MariaDbGtids {

    private MariaDbGtids() {
    }

    /** One GTID. */
    record Gtid(long domain, long server, long sequence) {

        @Override
        public String toString() {
            return domain + "-" + server + "-" + sequence;
        }
    }

    /**
     * The GTIDs of a position such as {@code 0-1-100,1-2-7}; blank is none.
     *
     * @throws IllegalArgumentException for text that is not a GTID list
     */
    static List<Gtid> parse(String position) {
        List<Gtid> gtids = new ArrayList<>();
        if (position == null || position.isBlank()) {
            return gtids;
        }
        for (String part : position.split(",")) {
            String[] fields = part.trim().split("-");
            if (fields.length != 3) {
                throw new IllegalArgumentException("not a MariaDB GTID: " + part.trim());
            }
            try {
                gtids.add(new Gtid(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MariaDB GTID: " + part.trim(), e);
            }
        }
        return gtids;
    }

    /**
     * What a server lacks to continue from {@code saved}: empty when its binlog holds every saved GTID and has
     * purged nothing after them.
     *
     * @param binlogState the server's {@code gtid_binlog_state}
     * @param purged      the GTID position at the start of its oldest binlog file: what it no longer has
     */
    static Optional<String> lacks(String saved, String binlogState, String purged) {
        if (saved == null || saved.isBlank()) {
            return Optional.empty();
        }
        Map<String, Long> last = new LinkedHashMap<>();
        for (Gtid gtid : parse(binlogState)) {
            last.merge(gtid.domain() + "-" + gtid.server(), gtid.sequence(), Math::max);
        }
        List<Gtid> savedGtids = parse(saved);
        List<String> missing = new ArrayList<>();
        for (Gtid gtid : savedGtids) {
            Long held = last.get(gtid.domain() + "-" + gtid.server());
            if (held == null || held < gtid.sequence()) {
                missing.add(gtid.toString());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("its binlog (gtid_binlog_state " + shown(binlogState) + ") does not hold the saved GTID "
                    + String.join(",", missing));
        }
        Map<Long, Long> savedByDomain = new LinkedHashMap<>();
        savedGtids.forEach(g -> savedByDomain.merge(g.domain(), g.sequence(), Math::max));
        List<String> gone = new ArrayList<>();
        for (Gtid start : parse(purged)) {
            Long read = savedByDomain.get(start.domain());
            if (read == null || read < start.sequence()) {
                gone.add(start.toString());
            }
        }
        if (!gone.isEmpty()) {
            return Optional.of("its oldest binlog begins after " + String.join(",", gone)
                    + ", so transactions after the saved GTIDs " + shown(saved) + " were purged");
        }
        return Optional.empty();
    }

    private static String shown(String position) {
        return position == null || position.isBlank() ? "empty" : position;
    }
}
