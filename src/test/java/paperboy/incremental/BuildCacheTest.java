package paperboy.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.model.SourceRef;
import paperboy.problems.Problem;
import paperboy.problems.Severity;

/** The build cache reads back whole, or not at all. */
class BuildCacheTest {
    @TempDir
    Path tmp;

    static BuildCache sample() {
        return new BuildCache("settings-hash", "inputs-hash", new BuildCache.Summary(5, 279, 207),
                List.of(new Problem(new SourceRef(Path.of("content/a b.txt"), 12, 3), Severity.WARNING,
                        "a message with\ta tab, a\nnewline and a \\ backslash")),
                Map.of("index.html", new BuildCache.Entry("0123456789abcdef0123456789abcdef", 1234),
                        "robots.txt", new BuildCache.Entry(BuildCache.NOT_A_PAGE, 20)),
                Map.of("content/a b.txt", new Fingerprints.InputFile("sha", 99, 1_700_000_000_123_456_789L)),
                new BuildCache.Archive("2025-08-20", "themes-hash", Map.of("retromae-v2", "paper-hash")));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = BuildCache.location(tmp.resolve("site"));
        sample().write(file);
        assertThat(file).isEqualTo(tmp.resolve(".site.cache"));
        assertThat(BuildCache.read(file)).contains(sample());
    }

    @Test
    void aFileCutShortIsIgnored() throws IOException {
        Path file = BuildCache.location(tmp.resolve("site"));
        sample().write(file);
        byte[] whole = Files.readAllBytes(file);
        for (int cut = 0; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertThat(BuildCache.read(file)).as("cut at %d", cut).isEmpty();
        }
    }
}
