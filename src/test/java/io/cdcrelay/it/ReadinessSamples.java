package io.cdcrelay.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asks a relay's {@code /health/ready} every 200 ms on a thread of its own and keeps every answer, so a test can
 * tell when readiness went DOWN and UP around an outage and whether it ever said UP in between.
 */
final class ReadinessSamples implements AutoCloseable {

    /** One answer: when, whether it was UP (HTTP 200; 503 or no answer is DOWN), and its body. */
    record Sample(Instant at, boolean up, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI uri;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ReadinessSamples(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/health/ready");
        this.thread = new Thread(this::sample, "readiness-samples");
    }

    static ReadinessSamples start(int port) {
        ReadinessSamples samples = new ReadinessSamples(port);
        samples.thread.start();
        return samples;
    }

    private void sample() {
        while (running) {
            Sample sample;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                sample = new Sample(Instant.now(), answer.statusCode() == 200, answer.body());
            } catch (Exception e) {
                sample = new Sample(Instant.now(), false, "no answer: " + e);
            }
            samples.add(sample);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** When the first answer at or after {@code from} that was {@code up} (or DOWN) came. */
    Optional<Instant> first(boolean up, Instant from) {
        return firstSample(up, from).map(Sample::at);
    }

    /** The first answer at or after {@code from} that was {@code up} (or DOWN). */
    Optional<Sample> firstSample(boolean up, Instant from) {
        return samples.stream().filter(s -> !s.at().isBefore(from) && s.up() == up).findFirst();
    }

    /** The answers from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Sample> between(Instant from, Instant to) {
        return samples.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
