package paperboy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How big a build will be, told before reading anything: the bytes of the files in the content folder. */
final class LongBuilds {
    private LongBuilds() {}

    /** Total size of the regular files under {@code content}; 0 when it cannot be listed (the build says why). */
    static long contentBytes(Path content) {
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
