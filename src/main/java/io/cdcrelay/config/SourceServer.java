package io.cdcrelay.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One database server the relay may read the binlog of: an entry of {@code relay.source.host}.
 *
 * @param host a host name or address; an IPv6 address without its brackets
 */
public record SourceServer(String host, int port) {

    /**
     * The servers of {@code relay.source.host}: {@code host[:port]} entries separated by commas, the primary first;
     * an entry without a port takes {@code defaultPort} ({@code relay.source.port}). An IPv6 address with a port is
     * written in brackets, {@code [::1]:3306}.
     *
     * @throws SettingsException naming the key, the entry and the fix
     */
    public static List<SourceServer> parseList(String key, String raw, int defaultPort) {
        Set<SourceServer> servers = new LinkedHashSet<>();
        for (String entry : raw.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                throw new SettingsException(key + "=" + raw + " has an empty entry: list servers as host[:port], "
                        + "separated by single commas.");
            }
            SourceServer server = parse(key, trimmed, defaultPort);
            if (!servers.add(server)) {
                throw new SettingsException(key + "=" + raw + " lists " + server + " twice: list each server once.");
            }
        }
        return List.copyOf(servers);
    }

    private static SourceServer parse(String key, String entry, int defaultPort) {
        String host;
        String port = null;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0 || close + 1 < entry.length() && entry.charAt(close + 1) != ':') {
                throw wrong(key, entry);
            }
            host = entry.substring(1, close);
            port = close + 1 < entry.length() ? entry.substring(close + 2) : null;
        } else {
            int colon = entry.lastIndexOf(':');
            boolean ipv6 = colon >= 0 && entry.indexOf(':') != colon;
            host = colon < 0 || ipv6 ? entry : entry.substring(0, colon);
            port = colon < 0 || ipv6 ? null : entry.substring(colon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw wrong(key, entry);
        }
        return new SourceServer(host, port == null ? defaultPort : port(key, entry, port));
    }

    private static int port(String key, String entry, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is expected
        }
        throw new SettingsException(key + " entry " + entry + " has no valid port: use host:port with a port from "
                + "1 to 65535, or host alone for relay.source.port.");
    }

    private static SettingsException wrong(String key, String entry) {
        return new SettingsException(key + " entry " + entry + " is not a server: use host or host:port "
                + "([address]:port for IPv6).");
    }

    /** {@code host:port}, as the log, {@code /status} and the metric name the server. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
