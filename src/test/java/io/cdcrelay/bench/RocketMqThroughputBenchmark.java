package io.cdcrelay.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.EmbeddedRocketMq;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Binlog-to-RocketMQ throughput of the relay against a baseline measured in the same run on the same broker:
 * a plain DefaultMQProducer sending asynchronous batches of 100 to each queue. Not a test: run it with
 * {@code bench/throughput.sh --rocketmq [rows]}.
 */
public final class RocketMqThroughputBenchmark {

    private RocketMqThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Path.of("target", "bench-rocketmq").toAbsolutePath();
        Directories.deleteRecursively(dir);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka unused = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick());
                EmbeddedRocketMq rocketmq = EmbeddedRocketMq.start(dir.resolve("rocketmq"))) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(rocketmq.namesrvAddr());
            admin.start();
            try {
                Baseline plain = baseline(rocketmq.namesrvAddr(), admin, rows);
                double baseline = plain.rate();
                double relay = relay(new Servers(db, unused, dir), rocketmq.namesrvAddr(), admin, rows);
                System.out.printf("%nrows: %,d of ~330 bytes as messages, 3 queues%n", rows);
                System.out.printf("baseline, DefaultMQProducer async batches of 100: %,10.0f messages/s%s%n", baseline,
                        plain.resent() > 0 ? " (" + plain.resent() + " batches resent after the broker refused them)" : "");
                System.out.printf("cdc-relay, binlog to RocketMQ acked:               %,10.0f changes/s (%.0f%% of baseline)%n",
                        relay, 100 * relay / baseline);
            } finally {
                admin.shutdown();
            }
        }
    }

    /** The plain producer's rate, and how many batches it sent again after the broker refused them. */
    record Baseline(double rate, long resent) {
    }

    /**
     * Messages/s of a plain DefaultMQProducer sending {@code count} messages in async batches of 100 (also
     * PipelineBenchmark's RocketMQ baseline), every message acknowledged. A batch the broker refuses (its flow
     * control answers "broker busy" when the machine is loaded) is sent again, up to 10 times; every wait is
     * bounded.
     */
    static Baseline baseline(String namesrv, DefaultMQAdminExt admin, int count) throws Exception {
        String topic = "baseline";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // the broker registers with the name server shortly after it starts
        while (admin.examineBrokerClusterInfo().getBrokerAddrTable().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no broker registered with " + namesrv + " in 30 s");
            }
            Thread.sleep(200);
        }
        String broker = admin.examineBrokerClusterInfo().getBrokerAddrTable().values().iterator().next().getBrokerAddrs().get(0L);
        admin.createAndUpdateTopicConfig(broker, new TopicConfig(topic, 3, 3));
        DefaultMQProducer producer = new DefaultMQProducer("baseline");
        producer.setNamesrvAddr(namesrv);
        producer.start();
        ScheduledExecutorService resends = Executors.newSingleThreadScheduledExecutor();
        try {
            List<MessageQueue> queues = List.of();
            while (queues.size() < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " has no 3 queues to publish to after 30 s");
                }
                try {
                    queues = producer.fetchPublishMessageQueues(topic);
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
            Semaphore inFlight = new Semaphore(3 * 4);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            AtomicLong resent = new AtomicLong();
            long start = System.nanoTime();
            for (int from = 0; from < count; from += 100) {
                List<Message> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 100); i++) {
                    batch.add(new Message(topic, "t", ("{\"id\":\"" + i + "\",\"payload\":\"" + "x".repeat(300) + "\"}")
                            .getBytes(StandardCharsets.UTF_8)));
                }
                if (!inFlight.tryAcquire(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("no batch acknowledged for a minute");
                }
                new ResendingBatch(producer, batch, queues.get((from / 100) % 3), inFlight, failed, resent, resends)
                        .send();
            }
            if (!inFlight.tryAcquire(3 * 4, 5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the last batches were not acknowledged in 5 minutes");
            }
            if (failed.get() != null) {
                throw new IllegalStateException("a baseline batch failed 10 times: " + failed.get(), failed.get());
            }
            return new Baseline(count / ((System.nanoTime() - start) / 1e9), resent.get());
        } finally {
            resends.shutdownNow();
            producer.shutdown();
        }
    }

    /** One async batch of the baseline, sent again 50 ms after each refusal, at most 10 times in all. */
    private static final class ResendingBatch implements SendCallback {

        private final DefaultMQProducer producer;
        private final List<Message> messages;
        private final MessageQueue queue;
        private final Semaphore inFlight;
        private final AtomicReference<Throwable> failed;
        private final AtomicLong resent;
        private final ScheduledExecutorService resends;
        private int attempts;

        ResendingBatch(DefaultMQProducer producer, List<Message> messages, MessageQueue queue, Semaphore inFlight,
                AtomicReference<Throwable> failed, AtomicLong resent, ScheduledExecutorService resends) {
            this.producer = producer;
            this.messages = messages;
            this.queue = queue;
            this.inFlight = inFlight;
            this.failed = failed;
            this.resent = resent;
            this.resends = resends;
        }

        void send() {
            attempts++;
            try {
                producer.send(messages, queue, this);
            } catch (Exception e) {
                onException(e);
            }
        }

        @Override
        public void onSuccess(SendResult r) {
            inFlight.release();
        }

        @Override
        public void onException(Throwable e) {
            if (attempts < 10) {
                resent.incrementAndGet();
                resends.schedule(this::send, 50, TimeUnit.MILLISECONDS);
            } else {
                failed.compareAndSet(null, e);
                inFlight.release();
            }
        }
    }

    private static double relay(Servers servers, String namesrv, DefaultMQAdminExt admin, int rows) throws Exception {
        try (Connection c = servers.mariaDb().connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bench");
            s.execute("CREATE TABLE bench.changes (id BIGINT PRIMARY KEY, payload VARCHAR(200), n INT)");
        }
        Properties p = TestRelay.properties(servers, "bench", servers.dir().resolve("relay"), 7002);
        p.setProperty("relay.sink", "rocketmq");
        p.setProperty("relay.rocketmq.namesrv-addr", namesrv);
        try (TestRelay relay = TestRelay.start(p)) {
            Thread.sleep(3000);
            long start = System.nanoTime();
            try (Connection c = servers.mariaDb().connect("bench"); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO changes SELECT seq, REPEAT('x', 150), seq FROM bench.seq_0_to_" + (rows - 1));
            }
            while (stored(admin, "Topic_bench_changes") < rows) {
                Thread.sleep(100);
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long stored(DefaultMQAdminExt admin, String topic) {
        try {
            return admin.examineTopicStats(topic).getOffsetTable().values().stream().mapToLong(TopicOffset::getMaxOffset).sum();
        } catch (Exception notYet) {
            return 0;
        }
    }
}
