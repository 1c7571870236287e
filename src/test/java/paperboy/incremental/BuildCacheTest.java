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

    /** A site of 1,000 files: four shards of about 250. */
    static BuildCache large(int changed) {
        Map<String, BuildCache.Entry> files = new java.util.HashMap<>();
        for (int i = 0; i < 1000; i++) {
            files.put("papers/paper-" + i + "/index.html", new BuildCache.Entry("fp" + (i == changed ? "x" : i), 1000 + i));
        }
        BuildCache s = sample();
        return new BuildCache(s.settings(), s.inputs(), s.summary(), s.warnings(), files, s.inputFiles(), s.archive());
    }

    private static Map<String, Long> shards(Path file) throws IOException {
        Map<String, Long> written = new java.util.TreeMap<>();
        try (var all = Files.list(BuildCache.shards(file))) {
            for (Path f : all.toList()) written.put(f.getFileName().toString(), Files.getLastModifiedTime(f).toMillis());
        }
        return written;
    }

    @Test
    void theSiteFilesAreKeptInShardsAndOnlyTheChangedShardIsWrittenAgain() throws IOException {
        Path file = BuildCache.location(tmp.resolve("site"));
        large(-1).write(file);
        Map<String, Long> before = shards(file);
        assertThat(before).hasSize(Buckets.count(1000)).hasSize(4);
        BuildCache read = BuildCache.read(file).orElseThrow();
        assertThat(read).isEqualTo(large(-1));

        large(17).write(file, java.util.Optional.of(read));
        Map<String, Long> after = shards(file);
        assertThat(BuildCache.read(file)).contains(large(17));
        // One shard replaced by a new file (a new name); the old one removed, the other three not touched.
        assertThat(after).hasSize(4);
        java.util.Set<String> gone = new java.util.TreeSet<>(before.keySet());
        gone.removeAll(after.keySet());
        assertThat(gone).hasSize(1);
        before.keySet().removeAll(gone);
        assertThat(after).containsAllEntriesOf(before);
    }

    @Test
    void aDamagedOrMissingShardIsAMissOfTheWholeCache() throws IOException {
        Path file = BuildCache.location(tmp.resolve("site"));
        large(-1).write(file);
        Path shard = Files.list(BuildCache.shards(file)).sorted().findFirst().orElseThrow();
        byte[] whole = Files.readAllBytes(shard);
        whole[whole.length / 2] ^= 1;
        Files.write(shard, whole);
        assertThat(BuildCache.read(file)).isEmpty();
        Files.delete(shard);
        assertThat(BuildCache.read(file)).isEmpty();
    }

    @Test
    void aSaveKilledBeforeTheSmallFileLeavesTheOldCacheAndTheNextSaveRemovesWhatItLeft() throws IOException {
        Path file = BuildCache.location(tmp.resolve("site"));
        large(-1).write(file);
        BuildCache old = BuildCache.read(file).orElseThrow();
        // Killed after the new shards, before the small file that names them: the old cache reads whole.
        Buckets.write(BuildCache.shards(file), large(17).files(), java.util.Optional.of(old.files()));
        assertThat(shards(file)).hasSize(5);
        assertThat(BuildCache.read(file)).contains(large(-1));
        // The next save names its shards in the small file, then removes every shard it does not name.
        large(17).write(file, java.util.Optional.of(old));
        assertThat(BuildCache.read(file)).contains(large(17));
        assertThat(shards(file)).hasSize(4);
    }

    @Test
    void droppedWithItsShards() throws IOException {
        Path file = BuildCache.location(tmp.resolve("site"));
        large(-1).write(file);
        BuildCache.drop(file);
        assertThat(file).doesNotExist();
        assertThat(BuildCache.shards(file)).doesNotExist();
    }
}
