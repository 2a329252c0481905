package io.cdcrelay.report;

/** Durations as the progress line and the retention warnings write them: {@code 42 s}, {@code 2m05s}, {@code 2h01m}. */
public final class Durations {

    private Durations() {
    }

    public static String text(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + " s";
    }
}
