package io.cdcrelay.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.config.SettingsException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.Test;

class HttpPortGuardTest {

    @Test
    void aPortAnotherProcessListensOnIsNamedWithTheOperatingSystemsReasonAndTheFix() {
        assertThat(HttpPortGuard.sentence(8080, Optional.of("Address already in use")))
                .isEqualTo("relay.http.port=8080 is in use by another process (Address already in use): set "
                        + "relay.http.port to a free port, or to 0 to run without the HTTP endpoints.");
    }

    @Test
    void aPortRefusedForAnotherReasonIsNotCalledInUse() {
        assertThat(HttpPortGuard.sentence(80, Optional.of("Permission denied")))
                .isEqualTo("relay.http.port=80 cannot be listened on (Permission denied): set relay.http.port to a "
                        + "free port, or to 0 to run without the HTTP endpoints.");
    }

    @Test
    void aPortHeldOnlyForAMomentStillGetsOneSentenceWithTheFix() {
        assertThat(HttpPortGuard.sentence(8080, Optional.empty()))
                .startsWith("relay.http.port=8080 could not be listened on when the relay started")
                .endsWith(": set relay.http.port to a free port, or to 0 to run without the HTTP endpoints.")
                .doesNotContain(". ");
    }

    @Test
    void aHeldPortStopsTheStartAsAWrongSettingAndAFreeOneDoesNot() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> HttpPortGuard.rejectUnavailable(port)).isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("relay.http.port=" + port + " is in use by another process (");
        }
        HttpPortGuard.rejectUnavailable(freePort());
    }

    /**
     * The guard reads Vert.x's implementation, which Camel's server start does not wait for: this pins what it relies
     * on, that a failed bind has cleared the flag by the time the listen handler is called.
     */
    @Test
    void aVertxServerWhoseBindFailedIsNotListeningOnceItsHandlerRan() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            HttpServer refused = vertx.createHttpServer().requestHandler(r -> r.response().end());
            boolean failed = refused.listen(taken.getLocalPort(), "0.0.0.0").toCompletionStage().toCompletableFuture()
                    .handle((server, error) -> error != null).get(10, TimeUnit.SECONDS);
            assertThat(failed).as("the bind failed").isTrue();
            assertThat(HttpPortGuard.listening(refused)).isFalse();

            HttpServer bound = vertx.createHttpServer().requestHandler(r -> r.response().end());
            bound.listen(freePort(), "0.0.0.0").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(HttpPortGuard.listening(bound)).isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerNeverStartedIsNotListening() {
        assertThat(HttpPortGuard.listening(null)).isFalse();
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
