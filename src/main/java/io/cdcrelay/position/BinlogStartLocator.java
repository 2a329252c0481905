package io.cdcrelay.position;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidListEventData;
import com.github.shyiko.mysql.binlog.event.PreviousGtidSetEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.position.BinlogStartChooser.Event;
import io.cdcrelay.position.BinlogStartChooser.Kind;
import io.cdcrelay.position.BinlogStartChooser.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the binlog has the first transaction committed at or after a time, by reading the binlog the
 * way a replica does: {@code SHOW BINARY LOGS} lists the files, the first event of a file tells when it was
 * created (a binary search picks the file to read from), and the events from there on give each transaction's
 * commit time (see {@link BinlogStartChooser}). {@code SHOW BINLOG EVENTS} cannot do this: it shows no times.
 *
 * <p>It connects with the binlog client Debezium uses, as a replica whose server id is
 * {@code relay.source.server-id + 2^30} (so it never disconnects the relay's own reader, nor the reverse),
 * in non-blocking mode: the server sends what the binlog holds and closes. Row contents are not decoded.
 */
public final class BinlogStartLocator {

    static final String KEY = "relay.incremental.start-timestamp";
    private static final Logger LOG = LoggerFactory.getLogger(BinlogStartLocator.class);
    private static final long SERVER_ID_OFFSET = 1L << 30;
    private static final long MAX_SERVER_ID = 4294967295L;

    private final SourceSettings source;

    public BinlogStartLocator(SourceSettings source) {
        this.source = source;
    }

    /**
     * @return the position of the first transaction committed at or after {@code at}, or the current end of
     *         the binlog when none has been committed since
     * @throws SettingsException when {@code at} is older than the oldest binlog file or later than the source's
     *                           clock
     */
    public Position locate(Instant at) {
        long atSecond = at.getEpochSecond();
        SourceBinlogs binlogs;
        try (Connection c = source.connections().open()) {
            binlogs = SourceBinlogs.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the source's binlog files: " + e.getMessage(), e);
        }
        List<String> files = binlogs.files();
        long now = binlogs.serverNow();
        if (atSecond > now) {
            throw new SettingsException(KEY + "=" + at + " is later than the source's clock (" + Instant.ofEpochSecond(now)
                    + "): give a time in the past, or remove " + KEY + " to start at the current end of the binlog.");
        }
        if (files.isEmpty()) {
            throw new SettingsException(KEY + " needs the source's binlog, and SHOW BINARY LOGS lists no file: "
                    + "start the server with log_bin on.");
        }
        Map<Integer, Long> starts = new HashMap<>();
        int first = BinlogStartChooser.startFileIndex(files.size(),
                i -> starts.computeIfAbsent(i, k -> fileCreated(files.get(k))), atSecond);
        if (first < 0) {
            Instant oldest = Instant.ofEpochSecond(starts.computeIfAbsent(0, k -> fileCreated(files.get(0))));
            throw new SettingsException(KEY + "=" + at + " is older than the oldest binlog the source still has ("
                    + files.get(0) + ", begun " + oldest + "): give a time at or after " + oldest
                    + ", or add full to relay.sync-types to copy the current rows instead.");
        }
        BinlogStartChooser chooser = new BinlogStartChooser(atSecond);
        long started = System.nanoTime();
        String[] end = new String[1];
        long[] endPosition = new long[1];
        read(files.get(first), event -> chooser.accept(event), (file, position) -> {
            end[0] = file;
            endPosition[0] = position;
        });
        Position found = chooser.result(end[0], endPosition[0]);
        LOG.info("{}={}: {} at {}:{}{} (read from {} in {} ms)", KEY, at,
                found.atEnd() ? "no transaction committed since, starting at the end of the binlog"
                        : "first transaction committed at or after it (" + Instant.ofEpochSecond(found.commitTimestamp()) + ")",
                found.file(), found.position(), found.gtids().isEmpty() ? "" : " after GTIDs " + found.gtids(),
                files.get(first), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return found;
    }

    /** The creation time of a binlog file: the timestamp of its format description event. */
    public long fileCreated(String file) {
        long[] created = {-1};
        read(file, e -> {
            if (e.kind() == Kind.FILE_START && e.file().equals(file)) {
                created[0] = e.timestamp();
                return true;
            }
            return false;
        }, (f, p) -> { });
        if (created[0] < 0) {
            throw new IllegalStateException("the binlog file " + file + " has no format description event");
        }
        return created[0];
    }

    interface EndListener {
        void ended(String file, long position);
    }

    /**
     * Streams events from the start of {@code file} to the end of the binlog, or until {@code consumer} returns
     * true, then tells where it stopped.
     */
    private void read(String file, Predicate<Event> consumer, EndListener end) {
        BinaryLogClient client = new BinaryLogClient(source.host(), source.port(), source.user(), source.password());
        client.setServerId(locatorServerId(source.serverId()));
        client.setBlocking(false);
        client.setKeepAlive(false);
        client.setConnectTimeout(10_000);
        client.setBinlogFilename(file);
        client.setBinlogPosition(4);
        client.setEventDeserializer(headersOnly());
        String[] current = {file};
        boolean[] stopped = {false};
        RuntimeException[] failure = {null};
        client.registerEventListener(raw -> {
            if (stopped[0]) {
                return;
            }
            try {
                EventHeaderV4 header = raw.getHeader();
                EventData data = raw.getData();
                if (header.getEventType() == EventType.ROTATE && data instanceof RotateEventData rotate) {
                    current[0] = rotate.getBinlogFilename();
                    return;
                }
                Event event = eventOf(current[0], header, data, source.flavor() == SourceSettings.Flavor.MARIADB);
                if (event != null && consumer.test(event)) {
                    stopped[0] = true;
                    end.ended(current[0], header.getPosition());
                    client.disconnect();
                }
            } catch (IOException e) {
                failure[0] = new IllegalStateException("cannot stop reading the binlog: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                stopped[0] = true;
                failure[0] = e;
            }
        });
        try {
            client.connect();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the source's binlog from " + file + " as a replica (needs "
                    + "REPLICATION SLAVE): " + e.getMessage(), e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!stopped[0]) {
            end.ended(client.getBinlogFilename(), client.getBinlogPosition());
        }
    }

    static long locatorServerId(long relayServerId) {
        long id = (relayServerId + SERVER_ID_OFFSET) % (MAX_SERVER_ID + 1);
        return id == 0 ? 1 : id;
    }

    /** Decodes only what the chooser reads: GTIDs, queries, rotations; row events stay undecoded. */
    private static EventDeserializer headersOnly() {
        EventDeserializer deserializer = new EventDeserializer();
        NullEventDataDeserializer skip = new NullEventDataDeserializer();
        for (EventType t : List.of(EventType.TABLE_MAP, EventType.WRITE_ROWS, EventType.UPDATE_ROWS,
                EventType.DELETE_ROWS, EventType.EXT_WRITE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.EXT_DELETE_ROWS,
                EventType.PRE_GA_WRITE_ROWS, EventType.PRE_GA_UPDATE_ROWS, EventType.PRE_GA_DELETE_ROWS,
                EventType.PARTIAL_UPDATE_ROWS_EVENT, EventType.ROWS_QUERY, EventType.ANNOTATE_ROWS,
                EventType.TRANSACTION_PAYLOAD)) {
            deserializer.setEventDataDeserializer(t, skip);
        }
        return deserializer;
    }

    /**
     * The chooser's view of one event; null for events that do not matter (the fake rotation, heartbeats).
     *
     * @param mariaDbGtids whether the connector reads MariaDB's GTIDs: Debezium's MySQL connector does not (it
     *                     resumes by file and position there, and would take a MariaDB GTID set in its offset for
     *                     a MySQL one), so with it MariaDB's GTID events only mark where transactions begin
     */
    static Event eventOf(String file, EventHeaderV4 header, EventData data, boolean mariaDbGtids) {
        long position = header.getPosition();
        long timestamp = header.getTimestamp() / 1000;
        return switch (header.getEventType()) {
            case FORMAT_DESCRIPTION -> Event.of(Kind.FILE_START, file, position, timestamp);
            case MARIADB_GTID_LIST -> mariaDbGtids ? new Event(Kind.GTID_SET, file, position, timestamp,
                    ((MariadbGtidListEventData) data).getMariaGTIDSet().toString(), true)
                    : Event.of(Kind.OTHER, file, position, timestamp);
            case PREVIOUS_GTIDS -> new Event(Kind.GTID_SET, file, position, timestamp,
                    ((PreviousGtidSetEventData) data).getGtidSet(), false);
            case MARIADB_GTID -> {
                MariadbGtidEventData g = (MariadbGtidEventData) data;
                // the server id of a MariaDB GTID is the event's, as Debezium reads it
                yield new Event(Kind.GTID, file, position, timestamp,
                        mariaDbGtids ? g.getDomainId() + "-" + header.getServerId() + "-" + g.getSequence() : null, false);
            }
            case GTID -> new Event(Kind.GTID, file, position, timestamp, ((GtidEventData) data).getGtid(), false);
            case ANONYMOUS_GTID -> new Event(Kind.GTID, file, position, timestamp, null, false);
            case XID, TRANSACTION_PAYLOAD -> Event.of(Kind.COMMIT, file, position, timestamp);
            case QUERY -> Event.of(queryKind(((QueryEventData) data).getSql()), file, position, timestamp);
            case HEARTBEAT, ROTATE -> null;
            default -> Event.of(Kind.OTHER, file, position, timestamp);
        };
    }

    static Kind queryKind(String sql) {
        String q = sql.strip().toUpperCase(Locale.ROOT);
        if (q.equals("BEGIN") || q.startsWith("START TRANSACTION")) {
            return Kind.BEGIN;
        }
        if (q.equals("COMMIT") || q.equals("ROLLBACK")) {
            return Kind.COMMIT;
        }
        return Kind.STATEMENT;
    }
}
