package paperboy.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caches beside the site are replaced whole or not at all, and a failed write leaves nothing behind. */
class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void aWriteReplacesTheFileWhole() throws IOException {
        Path file = tmp.resolve(".site.cache");
        Files.writeString(file, "old");
        AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(file).hasContent("new");
        assertThat(tmp.resolve(".site.cache.tmp")).doesNotExist();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = tmp.resolve(".site.themes");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");
        assertThat(file).hasContent("old");
        try (var beside = Files.list(tmp)) {
            assertThat(beside).containsExactly(file);
        }
    }
}
