package io.cdcrelay.bench;

/**
 * Reads the relay's messages from its destination in the latency phase of {@link PipelineBenchmark}, from the
 * topic's end at the moment it is opened, and records for each the time from the row's {@code ts} (the
 * writer's clock at commit) to the message's arrival in this reader. Opening positions the reader; closing
 * stops it.
 */
interface LatencyReader extends AutoCloseable {

    Latencies latencies();

    @Override
    void close();

    /**
     * The {@code ts} column of a message in the relay's {@code default} format: the after image's
     * {@code "ts":"<digits>"} ({@code src/test/resources/golden/default/insert.json}); 0 when absent.
     */
    static long ts(String value) {
        int after = value.indexOf("\"postStruct\":{");
        if (after < 0) {
            return 0;
        }
        String field = "\"ts\":\"";
        int at = value.indexOf(field, after);
        if (at < 0) {
            return 0;
        }
        long ts = 0;
        for (int i = at + field.length(); i < value.length() && Character.isDigit(value.charAt(i)); i++) {
            ts = ts * 10 + (value.charAt(i) - '0');
        }
        return ts;
    }
}
