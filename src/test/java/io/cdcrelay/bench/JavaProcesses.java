package io.cdcrelay.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Starting the competitors of {@link PipelineBenchmark} as JVMs of their own, each appending to its log across
 * its several starts. Every process gets a shutdown hook that kills it, so a benchmark that fails or is
 * stopped with Ctrl-C leaves nothing running. (Stopping and peak RSS are {@link MirrorProcesses}'.)
 */
final class JavaProcesses {

    private JavaProcesses() {
    }

    /** {@code -D<key>=<value>} for every property, in key order. */
    static List<String> systemProperties(Properties properties) {
        List<String> arguments = new ArrayList<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(k -> arguments.add("-D" + k + "=" + properties.getProperty(k)));
        return arguments;
    }

    /**
     * {@code java <arguments>} in the current directory.
     *
     * @param pipeStdout whether standard output stays readable through {@link Process#getInputStream()}; standard
     *                   error, and standard output otherwise, are appended to {@code log}
     */
    static Process start(List<String> arguments, File log, boolean pipeStdout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (pipeStdout) {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log));
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        }
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }
}
