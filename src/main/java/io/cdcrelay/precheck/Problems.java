package io.cdcrelay.precheck;

/** What a failure says, on one line: the innermost cause's message, which names the actual problem. */
final class Problems {

    private static final int LIMIT = 300;

    private Problems() {
    }

    static String message(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName() : root.getMessage();
        // MariaDB's driver prefixes its messages with the connection number, which tells a user nothing
        message = message.replaceFirst("^\\(conn=\\d+\\)\\s*", "").replaceAll("\\s*\\R\\s*", " ").strip();
        return message.length() <= LIMIT ? message : message.substring(0, LIMIT) + "…";
    }
}
