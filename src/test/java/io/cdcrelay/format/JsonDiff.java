package io.cdcrelay.format;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The first field where two JSON documents differ, named by its path, for golden-file assertions. */
final class JsonDiff {

    private JsonDiff() {
    }

    /** @return empty when equal, else one line per difference: {@code /path: expected X but was Y} */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": expected " + expected + " but the field is missing");
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            List<String> expectedNames = names(expected);
            List<String> actualNames = names(actual);
            for (String name : expectedNames) {
                walk(path + "/" + name, expected.get(name), actual.get(name), out);
            }
            for (String name : actualNames) {
                if (!expected.has(name)) {
                    out.add(path + "/" + name + ": not expected, but was " + actual.get(name));
                }
            }
            if (out.isEmpty() && !expectedNames.equals(actualNames)) {
                out.add(path + ": fields in order " + actualNames + ", expected " + expectedNames);
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": expected " + expected.size() + " elements but was " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                walk(path + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
