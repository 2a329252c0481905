package io.cdcrelay.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.position.PositionCodec;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka sink of {@code relay.delivery.guarantee=exactly-once}: changes go into Kafka transactions, each
 * ending with the source position after its last change, written to the positions topic in the same
 * transaction. A {@code read_committed} consumer therefore sees a change exactly when the position after it is
 * saved, and a relay restarted after any crash resumes exactly after the last committed change.
 *
 * <p>One thread owns the transactional producer: a transaction is begun, filled and committed on it, and the
 * changes of a transaction are acknowledged when its commit returned. It commits when no change is waiting (so a
 * quiet source is not delayed), or once a transaction holds {@code maxMessages} or is {@code maxAge} old; under
 * rule One ({@code wholeTransactions}) only after the last change of a source transaction, or after
 * {@code chunk} changes of one. Changes arrive in source order (one partition lane at most), which is what lets
 * the last change's position stand for everything before it.
 *
 * <p>A failed transaction is aborted and its changes failed; the rest of that source session is refused, since
 * committing a later change would commit a gap. The next session reads again from the committed position. A
 * transaction whose outcome Kafka left unknown (its commit timed out) is settled by a new producer before its
 * changes fail, so that position is final when the next session reads it.
 * Heartbeats carry no position and are never refused. The parts of a key split carry the position of their
 * UPDATE, the first ones {@link ResumePoint#complete() incomplete}: a transaction never commits between them, and
 * only the last part moves the position and may end a source transaction. A transaction a session left unable to
 * commit (it ended inside a source transaction or a key split) is aborted when the next session's first change
 * arrives: that session sends it again from the committed position.
 *
 * <p>A binlog row the source sends a second time (its binlog client reconnected inside a transaction) is not
 * sent again ({@link Replays}): it is answered when its first copy is committed, so the source's position
 * moves on, and counted in {@link #replaysDropped()}.
 */
public final class TransactionalKafkaSink implements ChangeSink {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalKafkaSink.class);
    private static final Duration CLOSE = Duration.ofSeconds(30);
    private static final long IDLE_POLL_MILLIS = 100;

    /** When a transaction is committed. */
    public record Commits(int maxMessages, Duration maxAge, boolean wholeTransactions, int chunk) {
    }

    private record Pending(Outgoing message, Consumer<Throwable> done) {
    }

    private final Supplier<Producer<byte[], byte[]>> producers;
    private final TopicPartitions topics;
    private final String positionsTopic;
    private final PositionCodec positions;
    private final Commits commits;
    private final ExecutorService thread;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private volatile boolean running;
    /** Owned by the sink's thread from here on. */
    private Producer<byte[], byte[]> producer;
    private OpenTransaction open;
    /** Sessions up to this number are refused: a change of theirs failed. */
    private long refusedUpTo;
    private final Replays replays = new Replays();

    /**
     * @param producers makes the transactional producer when the sink starts (a test's MockProducer)
     * @param thread    a single thread the sink owns
     */
    public TransactionalKafkaSink(Supplier<Producer<byte[], byte[]>> producers, TopicPartitions topics,
            String positionsTopic, PositionCodec positions, Commits commits, ExecutorService thread) {
        this.producers = producers;
        this.topics = topics;
        this.positionsTopic = positionsTopic;
        this.positions = positions;
        this.commits = commits;
        this.thread = thread;
    }

    /**
     * The transactional producer's settings: {@code transactional.id} {@code cdc-relay-<relay.source.name>},
     * stable across restarts and hosts so a restarted or second relay of the same source fences this one; then
     * {@code relay.kafka.producer.*}.
     */
    public static Properties producerProperties(KafkaSettings kafka, String sourceName, boolean transactionAtATime) {
        Properties p = KafkaChangeSink.producerProperties(kafka, "cdc-relay-" + sourceName, transactionAtATime);
        p.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cdc-relay-" + sourceName);
        return p;
    }

    @Override
    public void start() {
        // fences an earlier producer of the same transactional.id and aborts what it left open; a failed start
        // closes its producer, so retried starts leave none behind
        ensureProducer();
        running = true;
        thread.execute(this::run);
    }

    @Override
    public void stop() {
        running = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        failQueued(new IllegalStateException("the Kafka sink stopped before this change was committed"));
        Producer<byte[], byte[]> last = producer;
        if (last != null) {
            last.close(CLOSE);
        }
    }

    @Override
    public void send(Outgoing message, Consumer<Throwable> done) {
        Throwable failed = fatal.get();
        if (failed != null) {
            done.accept(failed);
        } else if (!running) {
            done.accept(new IllegalStateException("the Kafka sink is not running"));
        } else {
            queue.add(new Pending(message, done));
        }
    }

    @Override
    public int partitionsOf(String topic) {
        return topics.partitionsOf(topic);
    }

    /** Binlog rows the source sent again and this sink did not send twice, since it started. */
    public long replaysDropped() {
        return replays.dropped();
    }

    /** A key split's DELETE and INSERT go into one Kafka transaction, which never commits between them. */
    @Override
    public boolean keepsSplitsWhole() {
        return true;
    }

    private void run() {
        try {
            while (running) {
                Pending next = open == null ? queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS) : queue.poll();
                if (next != null) {
                    add(next);
                } else if (open != null && open.mayCommit()) {
                    commit();
                } else if (open != null) {
                    // a source transaction is half in: wait for its next change
                    Pending more = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (more != null) {
                        add(more);
                    }
                }
                if (open != null && open.full() && open.mayCommit()) {
                    commit();
                }
            }
            if (open != null) {
                abort(new IllegalStateException("the Kafka sink stopped before this change was committed"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (open != null) {
                abort(new IllegalStateException("the Kafka sink stopped before this change was committed"));
            }
        } catch (RuntimeException e) {
            LOG.error("The exactly-once Kafka sink stopped: {}", e.toString(), e);
            fatal.compareAndSet(null, e);
            if (open != null) {
                open.fail(e);
            }
            failQueued(e);
        }
    }

    private void add(Pending pending) {
        Throwable failed = fatal.get();
        ResumePoint resumeAt = pending.message().resumeAt();
        if (failed != null) {
            pending.done().accept(failed);
            return;
        }
        if (resumeAt != null && resumeAt.session() <= refusedUpTo) {
            pending.done().accept(new IllegalStateException("an earlier change of this source session was not "
                    + "committed; the session reads again from the committed position"));
            return;
        }
        if (open != null && resumeAt != null && resumeAt.session() > open.lastSession() && !open.mayCommit()) {
            // Sessions follow each other: the one that began this transaction ended inside a source transaction
            // or a key split, so it can never be completed, and the new session reads it again from the
            // committed position. Committing it with the new session's changes would store its first part twice.
            abort(new IllegalStateException("source session " + open.lastSession() + " ended inside this Kafka "
                    + "transaction; the next session reads it again from the committed position"));
        }
        switch (replays.judge(pending.message(), open)) {
            case COMMITTED -> {
                pending.done().accept(null);
                return;
            }
            case OPEN -> {
                open.join(pending.done(), resumeAt.session());
                return;
            }
            case NEW -> {
                // sent below
            }
        }
        if (open == null) {
            OpenTransaction begun = new OpenTransaction(commits, System.nanoTime());
            try {
                ensureProducer();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fenced(e);
                pending.done().accept(fatal.get());
                return;
            } catch (KafkaException e) {
                refusedUpTo = Math.max(refusedUpTo, resumeAt == null ? 0 : resumeAt.session());
                LOG.warn("Cannot start a Kafka transaction: {}; the source reads again from the committed position",
                        e.toString());
                pending.done().accept(e);
                return;
            }
            try {
                producer.beginTransaction();
            } catch (KafkaException e) {
                begun.add(pending.message(), pending.done());
                open = begun;
                abort(e);
                return;
            }
            open = begun;
        }
        OpenTransaction into = open;
        into.add(pending.message(), pending.done());
        Outgoing m = pending.message();
        for (int partition : m.targetPartitions()) {
            try {
                // the callback runs on the producer's I/O thread: it only notes a failure for the commit to see
                producer.send(new ProducerRecord<>(m.topic(), partition, keyBytes(m.key()), m.value(),
                        KafkaChangeSink.headersOf(m)), (metadata, error) -> into.failed(error));
            } catch (RuntimeException e) {
                into.failed(e);
            }
        }
    }

    private void commit() {
        OpenTransaction committing = open;
        if (committing.failure() != null) {
            abort(committing.failure());
            return;
        }
        try {
            ResumePoint at = committing.resumeAt();
            if (at != null) {
                producer.send(new ProducerRecord<>(positionsTopic, 0, positions.key(at.partition()),
                        positions.value(at.offset())));
            }
            producer.commitTransaction();
            open = null;
            replays.committed(committing);
            committing.succeed();
        } catch (KafkaException e) {
            abort(committing.failure() != null ? committing.failure() : e);
        }
    }

    /** Aborts the open transaction, fails its changes and refuses the rest of their session. */
    private void abort(Throwable cause) {
        OpenTransaction aborting = open;
        open = null;
        refusedUpTo = Math.max(refusedUpTo, aborting.lastSession());
        LOG.warn("Kafka transaction of {} changes aborted; the source reads them again: {}", aborting.size(),
                cause.toString());
        try {
            if (producer != null) {
                producer.abortTransaction();
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            fenced(e);
        } catch (KafkaException | IllegalStateException e) {
            // A fatal error (OutOfOrderSequence, authorization), or a commit that timed out (a broker away longer
            // than the producer's timeouts), after which Kafka allows only retrying the commit: the transaction may
            // be committed or not. A new producer's initTransactions settles it (the coordinator completes a commit
            // it prepared and aborts the rest), and the changes fail only then: the next session, which waits for
            // them, then reads a committed position that is final, and sends nothing the settled commit holds.
            LOG.warn("Aborting the Kafka transaction failed ({}); settling it with a new producer once Kafka answers",
                    e.toString());
            renewProducer();
            settle();
        }
        aborting.fail(cause);
    }

    /** Waits, while the sink runs, until a new producer's transactions are initialized. */
    private void settle() {
        while (running && producer == null) {
            try {
                // initTransactions waits up to the producer's max.block.ms for Kafka
                ensureProducer();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fenced(e);
                return;
            } catch (KafkaException e) {
                LOG.debug("Kafka does not answer yet: {}", e.toString());
                try {
                    Thread.sleep(IDLE_POLL_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The producer cannot go on: a new one is made and initialized before the next transaction begins. */
    private void renewProducer() {
        producer.close(Duration.ZERO);
        producer = null;
    }

    /**
     * Makes and initializes a producer when the last one was given up. Kafka may be away for a while: a failed
     * initialization is thrown to the caller, which fails the change in hand, and is tried again with the next.
     */
    private void ensureProducer() {
        if (producer != null) {
            return;
        }
        Producer<byte[], byte[]> made = producers.get();
        try {
            made.initTransactions();
        } catch (RuntimeException e) {
            made.close(Duration.ZERO);
            throw e;
        }
        producer = made;
    }

    /**
     * Another relay with the same transactional id ({@code relay.source.name}) took over: this one must not write
     * again, so it fails whatever it is given from now on.
     */
    private void fenced(KafkaException e) {
        IllegalStateException failure = new IllegalStateException("another relay with relay.source.name's "
                + "transactional.id took over this source; this relay delivers nothing more until restarted ("
                + e.getMessage() + ")", e);
        if (fatal.compareAndSet(null, failure)) {
            LOG.error(failure.getMessage());
        }
        failQueued(failure);
    }

    private static byte[] keyBytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    private void failQueued(Throwable failure) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().accept(failure));
    }
}
