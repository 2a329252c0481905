package io.cdcrelay.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.cdcrelay.report.RelayHealth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session loop against fake sessions: no source, no broker. */
class SessionLoopTest {

    /** Runs until ended, or fails / finishes at once when told to. */
    private static final class FakeSession implements SessionLoop.Session {
        final String outcome;
        final CountDownLatch ended = new CountDownLatch(1);
        final List<String> calls;

        FakeSession(String outcome, List<String> calls) {
            this.outcome = outcome;
            this.calls = calls;
        }

        @Override
        public void run() throws Exception {
            calls.add("run " + outcome);
            if (outcome.equals("fail")) {
                throw new IllegalStateException("source gone");
            }
            if (outcome.equals("wait")) {
                ended.await(10, TimeUnit.SECONDS);
            }
        }

        @Override
        public void end(boolean drain) {
            calls.add(drain ? "end draining" : "end");
            ended.countDown();
        }
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final RelayHealth health = new RelayHealth(new SimpleMeterRegistry(), Clock.systemUTC());
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() {
        thread.shutdownNow();
    }

    private SessionLoop loop(String... outcomes) {
        AtomicInteger next = new AtomicInteger();
        return new SessionLoop("source", "Test source", health,
                () -> new FakeSession(outcomes[Math.min(next.getAndIncrement(), outcomes.length - 1)], calls),
                new RestartBackoff(Duration.ofMillis(10), Duration.ofMillis(20)), null);
    }

    @Test
    void aRenewedSessionEndsDrainedAndANewOneStartsWithoutAFailure() throws Exception {
        SessionLoop loop = loop("wait");
        loop.start(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run wait"));

        assertThat(loop.renew("tables added")).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() >= 3);
        assertThat(calls).startsWith("run wait", "end draining", "run wait");
        assertThat(health.problems()).as("a planned restart is no failure").isEmpty();
        loop.stop(Duration.ofSeconds(5));
    }

    @Test
    void aFailedSessionIsFollowedByANewOneAfterTheBackoff() {
        SessionLoop loop = loop("fail", "fail", "wait");
        loop.start(thread);

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run wait"));
        assertThat(calls).startsWith("run fail", "run fail", "run wait");
        assertThat(health.states()).containsEntry("source", RelayHealth.State.STARTING);
    }

    @Test
    void aSourceThatDoesNotAnswerGetsNoNewSessionUntilItDoesThenAtOnce() {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean answers = new AtomicBoolean(false);
        SessionLoop loop = new SessionLoop("source", "Test source", health,
                () -> new FakeSession(next.getAndIncrement() == 0 ? "fail" : "wait", calls),
                new RestartBackoff(Duration.ofMillis(10), Duration.ofMillis(20)), answers::get);
        loop.start(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run fail"));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(calls).as("waits while the source does not answer").containsExactly("run fail"));

        answers.set(true);

        await().atMost(Duration.ofSeconds(3)).until(() -> calls.contains("run wait"));
    }

    @Test
    void aSourceThatAnswersAllAlongLetsThePauseRunItsCourse() {
        AtomicInteger next = new AtomicInteger();
        SessionLoop loop = new SessionLoop("source", "Test source", health,
                () -> new FakeSession(next.getAndIncrement() == 0 ? "fail" : "wait", calls),
                new RestartBackoff(Duration.ofSeconds(3), Duration.ofSeconds(3)), () -> true);
        loop.start(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run fail"));

        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(calls).containsExactly("run fail"));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run wait"));
    }

    @Test
    void aFinishedSessionEndsTheLoopAsFinished() {
        loop("finish").start(thread);

        await().atMost(Duration.ofSeconds(5)).until(() -> health.states().get("source") == RelayHealth.State.FINISHED);
        assertThat(calls).containsExactly("run finish");
    }

    @Test
    void stoppingEndsTheRunningSessionDrainingAndStartsNoOther() throws Exception {
        SessionLoop loop = loop("wait");
        loop.start(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run wait"));

        assertThat(loop.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(calls).containsExactly("run wait", "end draining");
    }

    @Test
    void aRestartEndsTheSessionWithoutDrainingReportsTheReasonAndStartsANewOne() {
        SessionLoop loop = loop("wait");
        loop.start(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run wait"));

        loop.restart("binlog reader disconnected");

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.stream().filter("run wait"::equals).count() == 2);
        assertThat(calls).containsSequence("run wait", "end", "run wait");
        assertThat(health.problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("binlog reader disconnected"));
    }

    @Test
    void aStoppedLoopStartsAgainFromANewSession() throws Exception {
        SessionLoop loop = loop("wait");
        loop.start(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("run wait"));
        loop.stop(Duration.ofSeconds(5));

        loop.start(thread);

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.stream().filter("run wait"::equals).count() == 2);
    }
}
