package io.cdcrelay.it;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The production jar run as its own process, as users run it. */
final class RelayProcess {

    private RelayProcess() {
    }

    /** {@code java <jvmOptions> -D<properties> -jar target/cdc-relay.jar}, output appended to {@code log}. */
    static Process start(Properties properties, File log, String... jvmOptions) throws Exception {
        return start(properties, log, List.of(), jvmOptions);
    }

    /** As {@link #start(Properties, File, String...)}, run in {@code workingDirectory}, as on a host of its own. */
    static Process start(Properties properties, File log, Path workingDirectory, String... jvmOptions) throws Exception {
        return start(properties, log, List.of(), workingDirectory, jvmOptions);
    }

    /** As {@link #start(Properties, File, String...)}, with {@code arguments} after the jar, such as {@code --precheck}. */
    static Process start(Properties properties, File log, List<String> arguments, String... jvmOptions) throws Exception {
        return start(properties, log, arguments, null, jvmOptions);
    }

    private static Process start(Properties properties, File log, List<String> arguments, Path workingDirectory,
            String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        properties.stringPropertyNames().forEach(k -> command.add("-D" + k + "=" + properties.getProperty(k)));
        command.add("-jar");
        command.add(Path.of(System.getProperty("cdcrelay.jar", "target/cdc-relay.jar")).toAbsolutePath().toString());
        command.addAll(arguments);
        return new ProcessBuilder(command).directory(workingDirectory == null ? null : workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }
}
