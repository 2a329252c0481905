package io.cdcrelay.acknowledgement;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Whether a server accepts a TCP connection: the cheapest sign that a source which went away is back. It opens
 * and closes a connection, nothing more; a server that accepts and then refuses the login is the next session's
 * failure to report.
 */
public final class TcpProbe implements BooleanSupplier {

    private final String host;
    private final int port;
    private final Duration timeout;

    public TcpProbe(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public boolean getAsBoolean() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
