package io.cdcrelay.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.format.ValueRenderer;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.position.PositionCodec;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.steps.SplitKeyChanges;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exactly-once Kafka sink against Kafka's MockProducer in transactional mode. */
class TransactionalKafkaSinkTest {

    private static final String POSITIONS = "relay.positions";
    private static final Map<String, String> PARTITION = Map.of("server", "relay");

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private TransactionalKafkaSink sink;

    private void start(boolean wholeTransactions) {
        sink = new TransactionalKafkaSink(() -> producer, topic -> 1, POSITIONS, new PositionCodec("relay"),
                new TransactionalKafkaSink.Commits(1_000, Duration.ofSeconds(5), wholeTransactions, 1_000), thread);
        sink.start();
    }

    @AfterEach
    void stop() {
        sink.stop();
    }

    private static Outgoing change(long session, long pos, boolean lastOfTransaction) {
        ChangeEvent change = Changes.insert().withTransaction(new TransactionInfo("tx", 1, 2, lastOfTransaction));
        return new Outgoing(change, "Topic_shop_orders", 1, 0, "{\"id\":\"" + pos + "\"}", Map.of(),
                ("v" + pos).getBytes(StandardCharsets.UTF_8),
                new ResumePoint(session, PARTITION, Map.of("file", "binlog.000001", "pos", pos)));
    }

    /**
     * The DELETE and INSERT the key split step makes of an UPDATE that moves order 7 to id 8, read at
     * {@code pos}, rendered for the sink.
     */
    private static List<Outgoing> keyMove(long session, long pos, boolean lastOfTransaction) {
        ChangeEvent move = Changes.orders(Operation.UPDATE, Changes.order(7, "1.00"), Changes.order(8, "1.00"),
                new TransactionInfo("tx", 2, 2, lastOfTransaction), false);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(Outgoing.of(move, new ResumePoint(session, PARTITION,
                Map.of("file", "binlog.000001", "pos", pos))));
        new SplitKeyChanges(new KeyChangeSplitter(new PartitionKey(new ValueRenderer(ZoneOffset.UTC),
                (db, t) -> List.of()), new CommitSequence(), true)).process(exchange);
        List<?> parts = exchange.getMessage().getBody(List.class);
        assertThat(parts).hasSize(2);
        return parts.stream().map(Outgoing.class::cast)
                .map(p -> p.toTopic("Topic_shop_orders", 1).toPartition(0, null)
                        .withValue((p.change().operation() + "@" + pos).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /**
     * Row {@code row} of binlog event {@code event} of the transaction that begins at {@code binlog.000001:5000}
     * after GTIDs {@code 0-1-48}: Debezium's offset of it, which a reconnect inside the transaction gives again.
     */
    private static Outgoing row(long session, int event, int row, boolean lastOfTransaction) {
        ChangeEvent change = Changes.insert().withTransaction(new TransactionInfo("0-1-49", 1, 3, lastOfTransaction));
        return new Outgoing(change, "Topic_shop_orders", 1, 0, null, Map.of(),
                ("e" + event + "r" + row).getBytes(StandardCharsets.UTF_8),
                new ResumePoint(session, PARTITION, Map.of("file", "binlog.000001", "pos", 5000L, "gtids", "0-1-48",
                        "event", (long) event, "row", row, "ts_sec", 1795252356L)));
    }

    private List<String> committedValues() {
        return committedTo("Topic_shop_orders").stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private CompletableFuture<Throwable> send(Outgoing message) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        sink.send(message, outcome::complete);
        return outcome;
    }

    private static Throwable outcome(CompletableFuture<Throwable> sent) throws Exception {
        return sent.get(10, TimeUnit.SECONDS);
    }

    private List<ProducerRecord<byte[], byte[]>> committedTo(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Test
    void changesAndThePositionAfterTheLastAreCommittedInOneTransaction() throws Exception {
        start(false);
        List<CompletableFuture<Throwable>> sent = List.of(send(change(1, 100, false)), send(change(1, 200, false)),
                send(change(1, 300, false)));
        for (CompletableFuture<Throwable> s : sent) {
            assertThat(outcome(s)).isNull();
        }

        assertThat(committedTo("Topic_shop_orders")).hasSize(3);
        ProducerRecord<byte[], byte[]> position = committedTo(POSITIONS).get(committedTo(POSITIONS).size() - 1);
        assertThat(new String(position.key(), StandardCharsets.UTF_8)).isEqualTo("[\"relay\",{\"server\":\"relay\"}]");
        assertThat(new String(position.value(), StandardCharsets.UTF_8)).contains("\"pos\":300");
        assertThat(producer.uncommittedRecords()).isEmpty();
    }

    @Test
    void aFailedCommitFailsItsChangesAndRefusesTheRestOfTheirSession() throws Exception {
        start(false);
        producer.commitTransactionException = new KafkaException("broker gone");
        assertThat(outcome(send(change(1, 100, false)))).hasMessageContaining("broker gone");
        producer.commitTransactionException = null;

        assertThat(outcome(send(change(1, 200, false)))).hasMessageContaining("session reads again");
        assertThat(outcome(send(change(2, 100, false)))).isNull();
        assertThat(committedTo("Topic_shop_orders")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .as("the aborted change of session 1 is not among them").containsExactly("v100");
    }

    @Test
    void heartbeatsAreCommittedEvenWhileASessionIsRefused() throws Exception {
        start(false);
        producer.commitTransactionException = new KafkaException("broker gone");
        assertThat(outcome(send(change(1, 100, false)))).isNotNull();
        producer.commitTransactionException = null;

        Outgoing heartbeat = new Outgoing(Changes.heartbeat(), "Topic_shop_orders", 1, 0, null, Map.of(),
                new byte[] {1}, null);
        assertThat(outcome(send(heartbeat))).isNull();
        assertThat(committedTo(POSITIONS)).as("a heartbeat has no position to save").isEmpty();
    }

    @Test
    void underRuleOneASourceTransactionIsCommittedOnlyWithItsLastChange() throws Exception {
        start(true);
        CompletableFuture<Throwable> first = send(change(1, 100, false));
        // the sink waits for the rest of the source transaction; the source is not done with it either
        Thread.sleep(300);
        assertThat(first).isNotDone();
        assertThat(producer.commitCount()).isZero();

        CompletableFuture<Throwable> last = send(change(1, 200, true));
        assertThat(outcome(first)).isNull();
        assertThat(outcome(last)).isNull();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(committedTo("Topic_shop_orders")).hasSize(2);
    }

    @Test
    void aProducerThatCannotAbortIsReplacedOnceKafkaAnswersAgainBeforeItsChangesFail() throws Exception {
        java.util.Deque<MockProducer<byte[], byte[]>> made = new java.util.ArrayDeque<>();
        MockProducer<byte[], byte[]> broken = new MockProducer<>(true, new ByteArraySerializer(),
                new ByteArraySerializer());
        MockProducer<byte[], byte[]> unreachable = new MockProducer<>(true, new ByteArraySerializer(),
                new ByteArraySerializer());
        unreachable.initTransactionException = new org.apache.kafka.common.errors.TimeoutException("no broker");
        MockProducer<byte[], byte[]> healthy = new MockProducer<>(true, new ByteArraySerializer(),
                new ByteArraySerializer());
        made.addAll(List.of(broken, unreachable, healthy));
        sink = new TransactionalKafkaSink(made::poll, topic -> 1, POSITIONS, new PositionCodec("relay"),
                new TransactionalKafkaSink.Commits(1_000, Duration.ofSeconds(5), false, 1_000), thread);
        sink.start();
        broken.commitTransactionException = new KafkaException("broker gone");
        broken.abortTransactionException = new KafkaException("broker gone");

        assertThat(outcome(send(change(1, 100, false)))).hasMessageContaining("broker gone");
        assertThat(made).as("a producer was initialized before the change failed: the unreachable one was tried")
                .isEmpty();
        assertThat(outcome(send(change(2, 100, false)))).isNull();
        assertThat(healthy.history()).hasSize(2);
    }

    /**
     * A broker away longer than the producer's timeouts: the commit times out, and Kafka then refuses an abort
     * (only retrying the commit is allowed). A new producer settles the transaction before its changes fail, and
     * the sink goes on with it; before, the sink stopped for good and the relay delivered nothing more.
     */
    @Test
    void aCommitThatTimedOutIsSettledByANewProducerAndTheSinkGoesOn() throws Exception {
        java.util.Deque<MockProducer<byte[], byte[]>> made = new java.util.ArrayDeque<>();
        MockProducer<byte[], byte[]> timedOut = new MockProducer<>(true, new ByteArraySerializer(),
                new ByteArraySerializer());
        MockProducer<byte[], byte[]> next = new MockProducer<>(true, new ByteArraySerializer(),
                new ByteArraySerializer());
        made.addAll(List.of(timedOut, next));
        sink = new TransactionalKafkaSink(made::poll, topic -> 1, POSITIONS, new PositionCodec("relay"),
                new TransactionalKafkaSink.Commits(1_000, Duration.ofSeconds(5), false, 1_000), thread);
        sink.start();
        timedOut.commitTransactionException = new org.apache.kafka.common.errors.TimeoutException(
                "Timeout expired after 10000ms while awaiting EndTxn(true)");
        timedOut.abortTransactionException = new IllegalStateException("Cannot attempt operation `abortTransaction` "
                + "because the previous call to `commitTransaction` timed out and must be retried");

        assertThat(outcome(send(change(1, 100, false)))).hasMessageContaining("EndTxn");
        assertThat(timedOut.closed()).isTrue();
        assertThat(outcome(send(change(2, 200, false)))).as("the next session's change").isNull();
        assertThat(next.history()).extracting(r -> r.topic()).containsExactly("Topic_shop_orders", POSITIONS);
    }

    @Test
    void aFencedSinkRefusesEverythingAfter() throws Exception {
        start(false);
        assertThat(outcome(send(change(1, 100, false)))).isNull();
        producer.fenceProducer();

        assertThat(outcome(send(change(1, 200, false)))).isNotNull();
        assertThat(outcome(send(change(2, 300, false)))).hasMessageContaining("took over");
    }

    @Test
    void aKeySplitIsCommittedWholeAndMovesThePositionPastItsUpdate() throws Exception {
        start(false);
        assertThat(outcome(send(change(1, 100, false)))).isNull();
        List<Outgoing> parts = keyMove(1, 200, false);

        CompletableFuture<Throwable> delete = send(parts.get(0));
        // the INSERT is on its way; a commit now would store the DELETE without it
        Thread.sleep(300);
        assertThat(producer.commitCount()).as("nothing committed while the key move is half in").isEqualTo(1);
        CompletableFuture<Throwable> insert = send(parts.get(1));

        assertThat(outcome(delete)).isNull();
        assertThat(outcome(insert)).isNull();
        assertThat(producer.commitCount()).isEqualTo(2);
        assertThat(committedTo("Topic_shop_orders")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("v100", "DELETE@200", "INSERT@200");
        ProducerRecord<byte[], byte[]> position = committedTo(POSITIONS).get(committedTo(POSITIONS).size() - 1);
        assertThat(new String(position.value(), StandardCharsets.UTF_8)).as("the position after the UPDATE")
                .contains("\"pos\":200");
    }

    @Test
    void aKeySplitOfARefusedSessionIsRefusedLikeAnyOfItsChanges() throws Exception {
        start(false);
        producer.commitTransactionException = new KafkaException("broker gone");
        assertThat(outcome(send(change(1, 100, false)))).hasMessageContaining("broker gone");
        producer.commitTransactionException = null;

        List<Outgoing> parts = keyMove(1, 200, false);
        CompletableFuture<Throwable> delete = send(parts.get(0));
        CompletableFuture<Throwable> insert = send(parts.get(1));

        assertThat(outcome(delete)).hasMessageContaining("session reads again");
        assertThat(outcome(insert)).hasMessageContaining("session reads again");
        assertThat(committedTo("Topic_shop_orders")).as("the session's gap is not committed past").isEmpty();
    }

    @Test
    void underRuleOneAKeySplitThatEndsASourceTransactionClosesIt() throws Exception {
        start(true);
        CompletableFuture<Throwable> first = send(change(1, 100, false));
        List<Outgoing> parts = keyMove(1, 200, true);
        CompletableFuture<Throwable> delete = send(parts.get(0));
        CompletableFuture<Throwable> insert = send(parts.get(1));

        // a quiet source sends nothing more: the INSERT alone must end the source transaction
        assertThat(outcome(first)).isNull();
        assertThat(outcome(delete)).isNull();
        assertThat(outcome(insert)).isNull();
        assertThat(producer.commitCount()).isEqualTo(1);
        ProducerRecord<byte[], byte[]> position = committedTo(POSITIONS).get(0);
        assertThat(new String(position.value(), StandardCharsets.UTF_8)).contains("\"pos\":200");
    }

    @Test
    void aSourceTransactionLeftHalfByAnEndedSessionIsAbortedWhenTheNextSessionSendsItAgain() throws Exception {
        start(true);
        // session 1 ends inside a source transaction (a change of it failed before the sink)
        CompletableFuture<Throwable> stranded = send(change(1, 100, false));
        // session 2 reads again from the committed position: the same transaction, whole
        CompletableFuture<Throwable> again = send(change(2, 100, false));
        CompletableFuture<Throwable> last = send(change(2, 200, true));

        assertThat(outcome(stranded)).hasMessageContaining("session 1 ended");
        assertThat(outcome(again)).isNull();
        assertThat(outcome(last)).isNull();
        assertThat(committedTo("Topic_shop_orders")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("v100", "v200");
    }

    @Test
    void aKeySplitLeftHalfByAnEndedSessionIsAbortedWhenTheNextSessionSendsItAgain() throws Exception {
        start(false);
        // session 1's INSERT failed in the route after its DELETE reached the sink
        CompletableFuture<Throwable> stranded = send(keyMove(1, 200, false).get(0));
        List<Outgoing> again = keyMove(2, 200, false);
        CompletableFuture<Throwable> delete = send(again.get(0));
        CompletableFuture<Throwable> insert = send(again.get(1));

        assertThat(outcome(stranded)).hasMessageContaining("session 1 ended");
        assertThat(outcome(delete)).isNull();
        assertThat(outcome(insert)).isNull();
        assertThat(committedTo("Topic_shop_orders")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("DELETE@200", "INSERT@200");
    }

    @Test
    void rowsTheSourceSendsAgainAfterTheirCommitAreCommittedOnce() throws Exception {
        start(false);
        assertThat(outcome(send(row(1, 1, 1, false)))).isNull();
        assertThat(outcome(send(row(1, 1, 2, false)))).isNull();

        // the binlog client reconnected inside the transaction: Debezium reads it again from its BEGIN
        List<CompletableFuture<Throwable>> replayed = List.of(send(row(1, 1, 1, false)), send(row(1, 1, 2, false)));
        CompletableFuture<Throwable> next = send(row(1, 2, 1, true));

        for (CompletableFuture<Throwable> r : replayed) {
            assertThat(outcome(r)).as("a replay is acknowledged, so the source's position moves on").isNull();
        }
        assertThat(outcome(next)).isNull();
        assertThat(committedValues()).containsExactly("e1r1", "e1r2", "e2r1");
        assertThat(sink.replaysDropped()).isEqualTo(2);
        ProducerRecord<byte[], byte[]> position = committedTo(POSITIONS).get(committedTo(POSITIONS).size() - 1);
        assertThat(new String(position.value(), StandardCharsets.UTF_8)).contains("\"event\":2", "\"row\":1");
    }

    @Test
    void theCreateOfAKeyUpdateIsNeverTakenForItsDeleteSentAgainButBothSentAgainAreDropped() throws Exception {
        start(false);
        // Debezium's own key move: its DELETE and CREATE carry one offset; the DELETE's point is incomplete
        Outgoing delete = row(1, 1, 1, false);
        delete = new Outgoing(delete.change(), delete.topic(), delete.partitionCount(), delete.partition(), null,
                Map.of(), "delete".getBytes(StandardCharsets.UTF_8), delete.resumeAt().incomplete());
        Outgoing create = row(1, 1, 1, false);
        CompletableFuture<Throwable> first = send(delete);
        CompletableFuture<Throwable> second = send(create);
        assertThat(outcome(first)).isNull();
        assertThat(outcome(second)).isNull();

        List<CompletableFuture<Throwable>> replayed = List.of(send(delete), send(create));
        CompletableFuture<Throwable> next = send(row(1, 2, 1, true));
        for (CompletableFuture<Throwable> r : replayed) {
            assertThat(outcome(r)).isNull();
        }
        assertThat(outcome(next)).isNull();
        assertThat(committedValues()).containsExactly("delete", "e1r1", "e2r1");
        assertThat(sink.replaysDropped()).isEqualTo(2);
    }

    @Test
    void rowsTheSourceSendsAgainWhileTheirTransactionIsOpenAreCommittedOnceWithIt() throws Exception {
        start(true);
        CompletableFuture<Throwable> first = send(row(1, 1, 1, false));
        CompletableFuture<Throwable> second = send(row(1, 1, 2, false));
        CompletableFuture<Throwable> firstAgain = send(row(1, 1, 1, false));
        CompletableFuture<Throwable> secondAgain = send(row(1, 1, 2, false));
        Thread.sleep(200);
        assertThat(firstAgain).as("a replay settles with the change it repeats, not before").isNotDone();

        CompletableFuture<Throwable> last = send(row(1, 2, 1, true));
        for (CompletableFuture<Throwable> sent : List.of(first, second, firstAgain, secondAgain, last)) {
            assertThat(outcome(sent)).isNull();
        }
        assertThat(committedValues()).containsExactly("e1r1", "e1r2", "e2r1");
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(sink.replaysDropped()).isEqualTo(2);
    }

    @Test
    void aReplayWhoseOriginalIsAbortedFailsWithIt() throws Exception {
        start(true);
        CompletableFuture<Throwable> first = send(row(1, 1, 1, false));
        CompletableFuture<Throwable> again = send(row(1, 1, 1, false));
        producer.commitTransactionException = new KafkaException("broker gone");
        CompletableFuture<Throwable> last = send(row(1, 2, 1, true));

        assertThat(outcome(first)).hasMessageContaining("broker gone");
        assertThat(outcome(again)).as("the replay is not delivered either").hasMessageContaining("broker gone");
        assertThat(outcome(last)).hasMessageContaining("broker gone");
    }

    @Test
    void changesWhosePositionsCannotBeOrderedAreAllSent() throws Exception {
        start(false);
        Outgoing later = row(1, 3, 1, false);
        assertThat(outcome(send(later))).isNull();
        Map<String, Object> otherFile = new java.util.HashMap<>(later.resumeAt().offset());
        otherFile.put("file", "binlog.000002");
        otherFile.put("pos", 4L);
        Map<String, Object> otherGtids = new java.util.HashMap<>(later.resumeAt().offset());
        otherGtids.put("gtids", "0-1-47");
        Outgoing snapshotRow = new Outgoing(Changes.snapshotRow(), "Topic_shop_orders", 1, 0, null, Map.of(),
                "snapshot".getBytes(StandardCharsets.UTF_8), later.resumeAt());
        Outgoing ddl = new Outgoing(Changes.ddl("ALTER TABLE orders ADD note TEXT"), "Topic_shop_orders", 1, 0, null,
                Map.of(), "ddl".getBytes(StandardCharsets.UTF_8), later.resumeAt());

        for (Outgoing m : List.of(at(later, otherFile, "next file"), at(later, otherGtids, "other gtids"),
                snapshotRow, snapshotRow, ddl, ddl)) {
            assertThat(outcome(send(m))).isNull();
        }
        assertThat(committedValues()).containsExactly("e3r1", "next file", "other gtids", "snapshot", "snapshot",
                "ddl", "ddl");
        assertThat(sink.replaysDropped()).isZero();
    }

    private static Outgoing at(Outgoing m, Map<String, Object> offset, String value) {
        return new Outgoing(m.change(), m.topic(), m.partitionCount(), m.partition(), m.key(), m.headers(),
                value.getBytes(StandardCharsets.UTF_8),
                new ResumePoint(m.resumeAt().session(), m.resumeAt().partition(), offset));
    }
}
