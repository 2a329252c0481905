package io.cdcrelay.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.debezium.config.Configuration;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import io.debezium.storage.file.history.FileSchemaHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's schema history file, with a last record cut short by a kill dropped before the file is read.
 *
 * <p>Debezium appends one JSON line per DDL statement; a kill inside that append leaves a line without its end,
 * which Debezium cannot parse, so every later start failed until someone edited the file. The line is safe to drop:
 * the binlog reader writes it before it hands over anything that follows the statement, so no saved position is
 * past it, and the next start reads the statement from the binlog again and records it whole.
 */
public final class RepairingFileSchemaHistory extends FileSchemaHistory {

    private static final Logger LOG = LoggerFactory.getLogger(RepairingFileSchemaHistory.class);
    private static final int TAIL = 64 * 1024;

    private Path file;

    @Override
    public void configure(Configuration config, HistoryRecordComparator comparator, SchemaHistoryListener listener,
            boolean useCatalogBeforeSchema) {
        super.configure(config, comparator, listener, useCatalogBeforeSchema);
        file = Path.of(config.getString(FILE_PATH));
    }

    @Override
    protected void doStart() {
        try {
            long dropped = dropUnfinishedLastLine(file);
            if (dropped > 0) {
                LOG.warn("Dropped the unfinished last record ({} bytes) of the schema history {}: a write cut short "
                        + "by a stop; the statement is read from the binlog again and recorded whole", dropped, file);
            }
        } catch (IOException e) {
            throw new SchemaHistoryException("cannot check the end of the schema history " + file + ": "
                    + e.getMessage(), e);
        }
        super.doStart();
    }

    /**
     * Cuts {@code file} after its last line end.
     *
     * @return how many bytes were cut: 0 when the file ends with a line end, is empty or does not exist
     */
    static long dropUnfinishedLastLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = size;
            ByteBuffer chunk = ByteBuffer.allocate(TAIL);
            while (end > 0) {
                long from = Math.max(0, end - TAIL);
                chunk.clear().limit((int) (end - from));
                while (chunk.hasRemaining() && channel.read(chunk, from + chunk.position()) >= 0) {
                    // read the whole chunk: a positional read may return less
                }
                for (int i = chunk.position() - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n') {
                        return cut(channel, from + i + 1, size);
                    }
                }
                end = from;
            }
            return cut(channel, 0, size);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static long cut(FileChannel channel, long keep, long size) throws IOException {
        if (keep < size) {
            channel.truncate(keep);
            channel.force(true);
        }
        return size - keep;
    }
}
