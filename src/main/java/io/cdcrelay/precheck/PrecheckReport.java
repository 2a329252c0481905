package io.cdcrelay.precheck;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every check's result, in the order they ran. */
public record PrecheckReport(List<CheckResult> results) {

    public PrecheckReport {
        results = List.copyOf(results);
    }

    /** True only when every check ran and passed: a skipped check is not a pass. */
    public boolean passed() {
        return results.stream().allMatch(r -> r.status() == CheckResult.Status.PASS);
    }

    public long failures() {
        return results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
    }

    /** The report's lines with every secret masked: the only form in which it leaves the relay. */
    public List<String> lines(SecretMask mask) {
        return results.stream().map(r -> mask.apply(r.line())).toList();
    }

    /**
     * Prints the lines as UTF-8 whatever the JVM's default charset (the FAIL lines carry a dash that a C
     * locale would turn into '?'); the log lines are UTF-8 as well.
     */
    public void print(PrintStream out, SecretMask mask) {
        PrintStream utf8 = new PrintStream(out, true, StandardCharsets.UTF_8);
        lines(mask).forEach(utf8::println);
        utf8.flush();
    }
}
