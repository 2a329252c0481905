package io.cdcrelay.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Optional;

import io.cdcrelay.config.SettingsException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.Ordered;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * Stops a start whose {@code relay.http.port} the relay cannot listen on, with one sentence (exit code 2), instead of
 * a relay running without /status, /health and /metrics while whatever holds the port answers its probes.
 *
 * <p>Camel's platform-http server does not fail its start when the bind fails: Vert.x reports the failure on its
 * event loop after Camel's start has stopped waiting, which only logs "Unhandled exception". And a probe bind before
 * the start cannot see a port taken in the seconds between the probe and Camel's bind. So the decision is made on
 * the real bind: as a startup listener, ordered after the services Camel starts late, it runs once the HTTP server
 * has started and before any route consumer (the binlog reader, the mirror's consumer) starts.
 */
public final class HttpPortGuard implements StartupListener, Ordered {

    /** How to mend a taken port, in the start's sentence and the precheck's line alike. */
    public static final String FIX = "set relay.http.port to a free port, or to 0 to run without the HTTP endpoints";

    private final int port;

    public HttpPortGuard(int port) {
        this.port = port;
    }

    /**
     * The early, cheap answer for the common case (another process already listens), before the precheck waits for
     * any server. Not a guarantee: see the class comment.
     */
    public static void rejectUnavailable(int port) {
        whyUnavailable(null, port).ifPresent(reason -> {
            throw new SettingsException(sentence(port, Optional.of(reason)));
        });
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        for (VertxPlatformHttpServer server : context.hasServices(VertxPlatformHttpServer.class)) {
            if (server.getPort() == port && !listening(server.getServer())) {
                // the reason of the failed bind went to Vert.x's log; a fresh attempt names it in the sentence
                throw new SettingsException(sentence(port, whyUnavailable(server.getHost(), port)));
            }
        }
    }

    @Override
    public int getOrder() {
        // last, so also after Camel's DeferServiceStartupListener, should Camel ever defer its HTTP server's start there
        return Ordered.LOWEST;
    }

    /**
     * Vert.x's {@code HttpServer} interface does not tell whether the bind succeeded; its implementation does, and it
     * clears the flag before it calls the listen handler back, so the answer is settled once Camel's start returned.
     */
    static boolean listening(HttpServer server) {
        if (server == null) {
            return false;
        }
        return !(server instanceof TCPServerBase tcp) || tcp.isListening();
    }

    /** @return why {@code port} cannot be bound on {@code host} (all addresses when null or 0.0.0.0) now, if it cannot */
    public static Optional<String> whyUnavailable(String host, int port) {
        InetSocketAddress address = host == null || host.equals("0.0.0.0") ? new InetSocketAddress(port)
                : new InetSocketAddress(host, port);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** @param reason the operating system's answer to a bind, when there is one */
    static String sentence(int port, Optional<String> reason) {
        String key = "relay.http.port=" + port;
        if (reason.isEmpty()) {
            return key + " could not be listened on when the relay started (it is free again now: another process "
                    + "held it for a moment): " + FIX + ".";
        }
        String what = reason.get().toLowerCase(Locale.ROOT).contains("in use")
                ? " is in use by another process (" : " cannot be listened on (";
        return key + what + reason.get() + "): " + FIX + ".";
    }
}
