package io.cdcrelay.precheck;

import java.util.List;

/** A list in a report line: the first few names and how many more, so a line stays readable with 500 tables. */
final class Listing {

    static final int SHOWN = 5;

    private Listing() {
    }

    static String some(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        if (names.size() <= SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
    }
}
