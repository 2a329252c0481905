package io.cdcrelay.bench;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.debezium.DebeziumConstants;
import org.apache.kafka.connect.data.Struct;

/**
 * The only step of {@link BareDebeziumRoute}: counts the row changes of {@code bench.changes} and records, for
 * rows whose {@code ts} column is set, how long after {@code ts} the change reached the route. It does nothing
 * else, so the bare route measures what Debezium and Camel's stock consumer cost on their own. It writes the
 * machine-readable lines {@link BareCompetitor} reads ({@code BARE first …}, {@code BARE reached …}).
 */
final class CountingProcessor implements Processor {

    /** Debezium's operations of a row change: create, update, delete, snapshot read. */
    private static final Set<String> ROW_OPERATIONS = Set.of("c", "u", "d", "r");

    private final String tableSuffix;
    private final long expected;
    private final PrintStream out;
    private final AtomicLong changes = new AtomicLong();
    private final Latencies latencies = new Latencies();

    /**
     * @param table    the table whose changes count, as {@code db.table}
     * @param expected the count at which to print the {@code reached} line; 0 for none
     */
    CountingProcessor(String table, long expected, PrintStream out) {
        this.tableSuffix = "." + table;
        this.expected = expected;
        this.out = out;
    }

    @Override
    public void process(Exchange exchange) {
        if (isRowChange(exchange.getMessage())) {
            count(exchange.getMessage().getBody());
        }
    }

    /** Whether the message is a row change of the counted table (not a transaction boundary, DDL, other table). */
    boolean isRowChange(Message message) {
        String operation = message.getHeader(DebeziumConstants.HEADER_OPERATION, String.class);
        String identifier = message.getHeader(DebeziumConstants.HEADER_IDENTIFIER, String.class);
        return operation != null && ROW_OPERATIONS.contains(operation) && identifier != null
                && identifier.endsWith(tableSuffix);
    }

    /** Counts one row change whose after image is {@code body}, with its latency when its {@code ts} is set. */
    void count(Object body) {
        long now = System.currentTimeMillis();
        long n = changes.incrementAndGet();
        if (n == 1) {
            line("first t=" + now);
        }
        if (n == expected) {
            line("reached changes=" + n + " t=" + now);
        }
        if (body instanceof Struct after && after.schema().field("ts") != null) {
            Long ts = after.getInt64("ts");
            if (ts != null && ts > 0) {
                latencies.record(now - ts);
            }
        }
    }

    long changes() {
        return changes.get();
    }

    Latencies latencies() {
        return latencies;
    }

    /** One {@code BARE …} line on standard output, flushed at once: the harness reads it as it comes. */
    void line(String text) {
        synchronized (out) {
            out.println("BARE " + text);
            out.flush();
        }
    }
}
