package io.cdcrelay.acknowledgement;

import java.util.function.Consumer;

/**
 * Items taken in stream order and acknowledged in any order; each item is passed on, in stream order, once it
 * and every item before it are acknowledged. What was passed on is the prefix whose source position may be
 * saved. A failed item is never acknowledged, so the prefix stops in front of it until the stream is read
 * again from the saved position.
 *
 * <p>A ring of slots indexed by sequence number: taking and acknowledging are O(1), the passing on amortized
 * O(1). Thread-safe; {@code onAcknowledged} runs under the lock, one item at a time, in stream order.
 */
public final class AcknowledgedPrefix<T> {

    private final Consumer<T> onAcknowledged;
    private Object[] items = new Object[1024];
    private boolean[] acknowledged = new boolean[1024];
    /** Sequence number of the oldest item not passed on yet. */
    private long head;
    /** Sequence number the next item taken gets. */
    private long next;

    /** @param onAcknowledged told of each item of the prefix as it grows, in stream order */
    public AcknowledgedPrefix(Consumer<T> onAcknowledged) {
        this.onAcknowledged = onAcknowledged;
    }

    /** @return the item's sequence number, to acknowledge it with */
    public synchronized long take(T item) {
        if (next - head == items.length) {
            grow();
        }
        int slot = slot(next);
        items[slot] = item;
        acknowledged[slot] = false;
        return next++;
    }

    public synchronized void acknowledge(long sequence) {
        if (sequence < head || sequence >= next) {
            throw new IllegalArgumentException("sequence " + sequence + " is not waiting (" + head + ".." + next + ")");
        }
        acknowledged[slot(sequence)] = true;
        while (head < next && acknowledged[slot(head)]) {
            int slot = slot(head);
            @SuppressWarnings("unchecked")
            T item = (T) items[slot];
            items[slot] = null;
            head++;
            onAcknowledged.accept(item);
        }
    }

    /** Items taken and not passed on yet: unacknowledged, or behind one that is. */
    public synchronized long waiting() {
        return next - head;
    }

    private int slot(long sequence) {
        return (int) (sequence % items.length);
    }

    private void grow() {
        Object[] biggerItems = new Object[items.length * 2];
        boolean[] biggerAcknowledged = new boolean[items.length * 2];
        for (long s = head; s < next; s++) {
            int from = slot(s);
            int to = (int) (s % biggerItems.length);
            biggerItems[to] = items[from];
            biggerAcknowledged[to] = acknowledged[from];
        }
        items = biggerItems;
        acknowledged = biggerAcknowledged;
    }
}
