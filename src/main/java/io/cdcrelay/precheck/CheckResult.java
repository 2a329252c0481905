package io.cdcrelay.precheck;

/**
 * The outcome of one check, printed as one line of the report.
 *
 * @param detail what was found; for a skipped check, what it waits for
 * @param fix    for a failure: what the user changes, naming the setting or the server option
 */
public record CheckResult(Status status, String name, String detail, String fix) {

    /**
     * SKIP marks a check that could not run because one it depends on failed (no source connection, so no
     * binlog settings): listing it says what is still to be checked once the failure is fixed.
     */
    public enum Status { PASS, FAIL, SKIP }

    static CheckResult pass(String name, String detail) {
        return new CheckResult(Status.PASS, name, detail, "");
    }

    static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(Status.FAIL, name, detail, fix);
    }

    static CheckResult skip(String name, String waitsFor) {
        return new CheckResult(Status.SKIP, name, "not checked (" + waitsFor + ")", "");
    }

    /** {@code PASS  name: detail}, {@code FAIL  name: detail — fix: fix} or {@code SKIP  name: not checked (…)}. */
    public String line() {
        String line = status + "  " + name + ": " + detail + (status == Status.FAIL ? " — fix: " + fix : "");
        // a server's message may span lines; the report promises one line per check
        return line.replaceAll("\\s*\\R\\s*", " ");
    }
}
