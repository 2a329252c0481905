package io.cdcrelay.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import io.cdcrelay.demo.Directories;

/**
 * What the main methods of the benchmarks that race competitor JVMs share: standard output carries the figures
 * only (whatever a library prints there, RocketMQ's logback its configuration status, goes to standard error,
 * which the scripts send to the log), a wrong option exits 64 before any server starts, a fresh folder
 * {@code target/bench-<name>} with a copy of the production jar, and an exit code that says whether the run
 * finished: the brokers' threads would keep the JVM alive, so it always ends by {@link System#exit}, and the
 * shutdown hooks kill any competitor still running.
 */
final class BenchFrame {

    /** The body of one benchmark run. */
    interface Body<O> {
        /**
         * @param dir     the run's fresh folder
         * @param jar     the copy of the production jar in it
         * @param figures standard output, for the figures
         */
        void run(O options, Path dir, Path jar, PrintStream figures) throws Exception;
    }

    private BenchFrame() {
    }

    /**
     * @param parse reads the command line; an {@link IllegalArgumentException} is a wrong option
     */
    static <O> void run(String name, String[] args, Function<String[], O> parse, Body<O> body) throws Exception {
        PrintStream figures = System.out;
        System.setOut(System.err);
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        Path dir = Path.of("target", "bench-" + name).toAbsolutePath();
        Directories.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path jar = MirrorProcesses.stageRelayJar(dir);
        int exit = 0;
        try {
            body.run(options, dir, jar, figures);
        } catch (Exception e) {
            figures.println("FAILED: " + e.getMessage());
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }
}
