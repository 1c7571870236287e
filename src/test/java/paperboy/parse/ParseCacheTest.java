package paperboy.parse;

import paperboy.problems.Severity;
import paperboy.problems.Problems;
import paperboy.problems.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read from the parse cache gives what parsing it gives: the same snapshots and the same problems. */
class ParseCacheTest {
    private static final String IDENTITY = "paperboy test year 2025";

    @TempDir
    Path tmp;
    Path content, cacheFile;

    @BeforeEach
    void content() throws IOException {
        content = tmp.resolve("content");
        cacheFile = ParseCache.location(tmp.resolve("site"));
        Files.createDirectories(content);
        for (String name : List.of("2025-03-14.json", "2025-03-16.html", "feed.json", "wrapped.json")) {
            Files.copy(Path.of("src/test/resources/inputs", name), content.resolve(name));
        }
        Files.writeString(content.resolve("2025-03-17.txt"), """
                Mar 17, 2025

                A First Paper
                Its abstract, short.

                Another Paper On Caches
                Caches make the second build cheap: we measure how much.
                """);
        // Warnings and errors must come back from the cache as they came from the parser.
        Files.writeString(content.resolve("2025-03-18.json"),
                "[{\"paper\": {\"id\": \"not-an-id\", \"title\": \"No Summary Here\"}}]");
        Files.writeString(content.resolve("broken.txt"), "no date line here\n\nA Title\nAn abstract.\n");
    }

    @Test
    void aSecondLoadTakesEveryFileFromTheCacheWithTheSameResultAndProblems() throws IOException {
        Loaded fresh = load(ParseCache.none());
        assertThat(fresh.problems).extracting(Problem::severity).contains(Severity.WARNING, Severity.ERROR);

        ParseCache first = ParseCache.read(cacheFile, content, IDENTITY);
        assertThat(load(first)).isEqualTo(fresh);
        assertThat(first.reused()).isZero();
        first.write(cacheFile, content);

        ParseCache second = ParseCache.read(cacheFile, content, IDENTITY);
        assertThat(load(second)).isEqualTo(fresh);
        assertThat(second.reused()).isEqualTo(7);
    }

    @Test
    void aChangedOrNewFileIsParsedAgainAndARemovedOneDropsOut() throws IOException {
        ParseCache first = ParseCache.read(cacheFile, content, IDENTITY);
        load(first);
        first.write(cacheFile, content);

        Path txt = content.resolve("2025-03-17.txt");
        Files.writeString(txt, Files.readString(txt).replace("On Caches", "On Stale Caches"));
        Files.delete(content.resolve("wrapped.json"));
        Files.writeString(content.resolve("2025-03-19.txt"), "Mar 19, 2025\n\nA New Day\nIts abstract.\n");
        ParseCache second = ParseCache.read(cacheFile, content, IDENTITY);
        Loaded loaded = load(second);
        assertThat(loaded).isEqualTo(load(ParseCache.none()));
        assertThat(loaded.snapshots).flatExtracting(Snapshot::entries).extracting(RawEntry::title)
                .contains("Another Paper On Stale Caches", "A New Day")
                .doesNotContain("Another Paper On Caches", "Structured Reasoning Traces");
        assertThat(second.reused()).isEqualTo(5);
        second.write(cacheFile, content);

        ParseCache third = ParseCache.read(cacheFile, content, IDENTITY);
        load(third);
        assertThat(third.reused()).isEqualTo(7);
    }

    @Test
    void aDamagedForeignOrMissingCacheIsIgnored() throws IOException {
        Loaded fresh = load(ParseCache.none());
        ParseCache first = ParseCache.read(cacheFile, content, IDENTITY);
        load(first);
        first.write(cacheFile, content);
        byte[] whole = Files.readAllBytes(cacheFile);

        // Another paperboy build or another parser setting (the year for dates without one).
        ParseCache foreign = ParseCache.read(cacheFile, content, "paperboy test year 2024");
        assertThat(load(foreign)).isEqualTo(fresh);
        assertThat(foreign.reused()).isZero();

        // Cut short, at any point.
        for (int cut : new int[] {0, 1, whole.length / 3, whole.length / 2, whole.length - 1}) {
            Files.write(cacheFile, java.util.Arrays.copyOf(whole, cut));
            ParseCache truncated = ParseCache.read(cacheFile, content, IDENTITY);
            assertThat(load(truncated)).isEqualTo(fresh);
            assertThat(truncated.reused()).as("cut at %d", cut).isZero();
        }

        // Not CBOR at all, or gone.
        Files.writeString(cacheFile, "paperboy-build-cache 1\n");
        assertThat(ParseCache.read(cacheFile, content, IDENTITY).reusable()).isZero();
        Files.delete(cacheFile);
        assertThat(ParseCache.read(cacheFile, content, IDENTITY).reusable()).isZero();
    }

    @Test
    void upvotesComeBackFromTheCacheAndACacheOfTheFormerVersionIsAMiss() throws IOException {
        ParseCache first = ParseCache.read(cacheFile, content, IDENTITY);
        load(first);
        first.write(cacheFile, content);
        ParseCache second = ParseCache.read(cacheFile, content, IDENTITY);
        assertThat(load(second).snapshots).flatExtracting(Snapshot::entries)
                .filteredOn(e -> e.title().startsWith("Sparse Probes"))
                .singleElement().extracting(RawEntry::upvotes).isEqualTo(OptionalInt.of(42));
        assertThat(second.reused()).isEqualTo(7);

        // Version 2 held no upvotes: its entries would read as papers without a count.
        byte[] bytes = Files.readAllBytes(cacheFile);
        byte[] key = {0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n'}; // CBOR text of 7 bytes, then the small integer
        int at = java.util.Collections.indexOfSubList(toList(bytes), toList(key)) + key.length;
        assertThat(bytes[at]).isEqualTo((byte) ParseCache.FILE.version());
        bytes[at] = 2;
        Files.write(cacheFile, bytes);
        assertThat(ParseCache.read(cacheFile, content, IDENTITY).reusable()).isZero();
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> out = new java.util.ArrayList<>();
        for (byte b : bytes) out.add(b);
        return out;
    }

    @Test
    void theCacheHoldsNoAbsolutePathsSoAMovedFolderKeepsIt() throws IOException {
        ParseCache first = ParseCache.read(cacheFile, content, IDENTITY);
        load(first);
        first.write(cacheFile, content);
        assertThat(new String(Files.readAllBytes(cacheFile), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(tmp.toString());

        Path moved = tmp.resolve("moved");
        Files.move(content, moved);
        content = moved;
        ParseCache again = ParseCache.read(cacheFile, content, IDENTITY);
        assertThat(load(again)).isEqualTo(load(ParseCache.none()));
        assertThat(again.reused()).isEqualTo(7);
    }

    private record Loaded(List<Snapshot> snapshots, List<Problem> problems) {}

    private Loaded load(ParseCache cache) {
        Problems problems = new Problems();
        List<Snapshot> snapshots = new ContentLoader(new SnapshotParser(OptionalInt.of(2025)))
                .load(content, problems, cache);
        return new Loaded(snapshots, problems.sorted());
    }
}
