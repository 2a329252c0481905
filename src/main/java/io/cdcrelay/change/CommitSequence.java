package io.cdcrelay.change;

import java.time.Instant;

/**
 * Numbers changes in stream order as {@code <commit epoch seconds><5-digit counter>}: sorting by the
 * number restores commit order (docs/formats.md#default, {@code storeDataSequence}). The counter restarts with
 * each new second; a second with more than 99,999 changes borrows the next second's numbers, so the sequence never
 * goes backwards. One instance numbers one stream.
 */
public final class CommitSequence {

    private static final long PER_SECOND = 100_000L;

    private long last;

    public synchronized long next(Instant commitTime) {
        long candidate = commitTime.getEpochSecond() * PER_SECOND;
        last = Math.max(candidate, last + 1);
        return last;
    }
}
