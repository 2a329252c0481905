package io.cdcrelay.ha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The name of the relay that last took the lead, in {@code <root>/<namespace>.leader}, for the file cluster
 * service: Camel's file view knows only whether the local relay leads, so a standby's {@code /status} reads the
 * name here. It decides nothing: the lock does. After a leader's death it names the dead leader until another
 * takes over.
 */
final class LeaderNote {

    private final Path file;

    LeaderNote(Path root, String namespace) {
        this.file = root.resolve(namespace + ".leader");
    }

    /** Written whole or not at all, so a reader never sees half a name. */
    void write(String memberId) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(written, memberId, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Optional<String> read() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
