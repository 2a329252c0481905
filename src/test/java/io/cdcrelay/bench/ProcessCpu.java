package io.cdcrelay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used so far, from {@code /proc/<pid>/stat}. On a machine whose cores
 * are all busy, throughput compares how the cores were shared; CPU per change compares what each competitor
 * costs, which is what decides its speed on a machine with cores to spare.
 */
final class ProcessCpu {

    /** USER_HZ: /proc counts in clock ticks of 1/100 s on every Linux architecture the JDK runs on. */
    private static final long MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /** Milliseconds of CPU the process used since it started, or -1 where /proc does not tell. */
    static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name in parentheses may hold spaces; the fields after it are space-separated
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat(5) (utime, stime) are the 12th and 13th after the name
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long ofThisProcess() {
        return millis(ProcessHandle.current().pid());
    }
}
