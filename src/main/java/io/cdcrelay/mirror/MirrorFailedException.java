package io.cdcrelay.mirror;

/** The destination did not take a record, or took too long: the mirror restarts from the committed offsets. */
final class MirrorFailedException extends RuntimeException {

    MirrorFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
