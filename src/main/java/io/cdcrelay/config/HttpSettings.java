package io.cdcrelay.config;

/**
 * {@code relay.http.port} (0: no HTTP server) and {@code relay.jolokia.enabled}: what the relay serves over
 * HTTP for operators.
 */
public record HttpSettings(int port, boolean jolokia) {

    static HttpSettings from(PropertyReader r) {
        int port = r.get(RuntimeKeys.HTTP_PORT);
        boolean jolokia = r.get(RuntimeKeys.JOLOKIA);
        if (jolokia && port == 0) {
            throw new SettingsException("relay.jolokia.enabled=true needs the HTTP server, which relay.http.port=0 "
                    + "turns off: set relay.http.port to a free port, such as 8080.");
        }
        return new HttpSettings(port, jolokia);
    }

    public boolean enabled() {
        return port > 0;
    }
}
