package paperboy.incremental;

import paperboy.testing.SiteTrees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.bench.CorpusGenerator;
import paperboy.config.SiteConfig;
import paperboy.build.SiteRenderer;
import paperboy.parse.ParseCache;

/** An incremental build must write exactly what a full build from scratch writes, whatever changed. */
class IncrementalBuildTest {
    private static final Path TEMPLATES = Path.of("templates");

    @TempDir
    Path tmp;
    Path corpus, content, site;
    SiteConfig config = SiteConfig.defaults();

    @BeforeEach
    void generate() throws IOException {
        corpus = tmp.resolve("corpus");
        content = tmp.resolve("content");
        site = tmp.resolve("out/site");
        var options = new CorpusGenerator.Options(14, 8, 0.4, 7, LocalDate.of(2024, 2, 20));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        Files.createDirectories(content);
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.sorted().limit(10).toList()) Files.copy(f, content.resolve(f.getFileName()));
        }
    }

    @Test
    void everyKindOfChangeGivesTheSameSiteAsAFullBuild() throws Exception {
        SiteBuild.Report first = incremental(true);
        assertThat(first.pages().reused()).isZero();
        assertSameAsFullBuild();

        SiteBuild.Report noOp = incremental(true);
        assertThat(noOp.pages().noOp()).isTrue();
        assertThat(noOp.pages().summary()).isEqualTo(first.pages().summary());
        assertSameAsFullBuild();

        addDay(10);
        SiteBuild.Report oneDay = incremental(true);
        assertThat(oneDay.pages().noOp()).isFalse();
        assertThat(oneDay.pages().reused()).isGreaterThan(oneDay.pages().rendered());
        assertSameAsFullBuild();

        // A retyped title: its paper's pages change, and the day pages listing it.
        Path day3 = sorted(content).get(2);
        String text = Files.readString(day3);
        String[] lines = text.split("\r?\n");
        String title = lines[12].strip(); // five header lines and the date line, each followed by a blank one
        Files.writeString(day3, text.replace(title, title + " Revisited"));
        incremental(true);
        assertSameAsFullBuild();

        // A day removed: its page and the papers only it listed must go.
        Files.delete(sorted(content).get(4));
        incremental(true);
        assertSameAsFullBuild();

        // The same through a new folder swapped in instead of updating in place.
        addDay(11);
        incremental(false);
        assertSameAsFullBuild();
    }

    /** With a base URL the site has feeds and e-mail editions; editions of unchanged days are kept, not rendered. */
    @Test
    void withFeedsAndEditionsEveryChangeGivesTheSameSiteAsAFullBuild() throws Exception {
        config = SiteConfig.defaults().withBaseUrl(java.net.URI.create("https://example.org/digest/"));
        everyKindOfChangeGivesTheSameSiteAsAFullBuild();
        Map<String, BuildCache.Entry> files = BuildCache.read(BuildCache.location(site)).orElseThrow().files();
        assertThat(files.entrySet()).filteredOn(e -> e.getKey().matches("newsletter/[0-9-]+\\.eml")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getValue().fingerprint()).matches("[0-9a-f]{32}"));
        assertThat(files.get("feed.json").fingerprint()).matches("[0-9a-f]{32}");
    }

    @Test
    void aCorruptOrForeignCacheIsIgnored() throws Exception {
        incremental(true);
        Path cache = BuildCache.location(site);
        byte[] whole = Files.readAllBytes(cache);
        // Truncated: its end is missing.
        Files.write(cache, java.util.Arrays.copyOf(whole, whole.length - 40));
        addDay(10);
        assertThat(incremental(true).pages().reused()).isZero();
        assertSameAsFullBuild();

        // Another format version: the line format of earlier paperboy builds.
        Files.writeString(cache, "paperboy-build-cache 1\nsettings x\ninputs y\nsummary 1 1 1\nend 0\n");
        addDay(11);
        assertThat(incremental(true).pages().reused()).isZero();
        assertSameAsFullBuild();

        // A page edited by hand (size differs): rendered again, not trusted.
        Path home = site.resolve("index.html");
        Files.writeString(home, Files.readString(home) + "<!-- edited -->");
        SiteBuild.Report r = incremental(true);
        assertThat(r.pages().noOp()).isFalse();
        assertSameAsFullBuild();
    }

    /** Earlier listings come from the parse cache; their warnings are reported as a fresh parse reports them. */
    @Test
    void aNewDayTakesEarlierFilesFromTheParseCacheWithTheirWarnings() throws Exception {
        Files.writeString(content.resolve("2024-02-19.json"),
                "[{\"paper\": {\"id\": \"not-an-id\", \"title\": \"No Summary Here\"}}]");
        incremental(true);
        assertThat(ParseCache.location(site)).isNotEmptyFile();

        addDay(10);
        SiteBuild.Report oneDay = incremental(true);
        assertThat(oneDay.warnings()).isNotEmpty().isEqualTo(fullBuildWarnings());
        assertSameAsFullBuild();

        // A damaged parse cache is ignored: every file is parsed again.
        Files.write(ParseCache.location(site), new byte[] {(byte) 0xbf, 0x61, 0x76});
        addDay(11);
        assertThat(incremental(true).warnings()).isEqualTo(fullBuildWarnings());
        assertSameAsFullBuild();
    }

    /** Upvotes are part of a day's view model: a new count in its listing file renders the day again. */
    @Test
    void aDayWhoseUpvotesChangedIsRenderedAgain() throws Exception {
        Path hf = content.resolve("2024-02-19.json");
        String listing = "[{\"paper\": {\"id\": \"2402.00001\", \"title\": \"Counting Votes On Daily Papers\", "
                + "\"summary\": \"A paper with a count.\", \"upvotes\": %d}}]";
        Files.writeString(hf, listing.formatted(7));
        incremental(true);
        Path day = site.resolve("days/2024-02-19/index.html");
        Path otherDay = sorted(site.resolve("days")).get(1).resolve("index.html");
        long otherWritten = Files.getLastModifiedTime(otherDay).toMillis();
        assertThat(Files.readString(day)).contains("7<span class=\"visually-hidden\"> upvotes");

        Files.writeString(hf, listing.formatted(120));
        SiteBuild.Report changed = incremental(true);
        assertThat(changed.pages().noOp()).isFalse();
        assertThat(changed.pages().reused()).isGreaterThan(changed.pages().rendered());
        assertThat(Files.readString(day)).contains("120<span class=\"visually-hidden\"> upvotes").doesNotContain(">7<");
        assertThat(Files.getLastModifiedTime(otherDay).toMillis()).as("another day is kept").isEqualTo(otherWritten);
        assertSameAsFullBuild();
    }

    private List<paperboy.problems.Problem> fullBuildWarnings() throws Exception {
        return new SiteBuild(SiteRenderer.standard()).run(request(tmp.resolve("warnings/site"))).warnings();
    }

    @Test
    void aFailedIncrementalBuildLeavesTheSiteAsItWas() throws Exception {
        incremental(true);
        Map<String, String> before = SiteTrees.text(site);
        // A template error while the changed pages render: nothing may be written.
        Path templates = tmp.resolve("templates");
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            for (Path f : walk.toList()) {
                Path to = templates.resolve(TEMPLATES.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Files.writeString(templates.resolve("day.ftlh"), "${page.noSuchField}");
        addDay(10);
        SiteBuild.Request broken = new SiteBuild.Request(content, site, templates, SiteConfig.defaults(),
                ThemeAssigner.none());
        assertThatThrownBy(() -> new SiteBuild(SiteRenderer.standard(), true, true).run(broken))
                .isInstanceOf(BuildFailed.class);
        assertThat(SiteTrees.text(site)).isEqualTo(before);
        // The next good build is complete and correct.
        incremental(true);
        assertSameAsFullBuild();
    }

    /** A build that keeps nothing ({@code --no-cache}) leaves no state behind for a later build to trust. */
    @Test
    void aBuildWithoutCacheRemovesTheStateAndTheCaches() throws Exception {
        incremental(true);
        Path state = paperboy.state.ArchiveStore.location(site);
        assertThat(state.resolve("archive.cbor")).exists();
        new SiteBuild(SiteRenderer.standard()).run(request(site));
        assertThat(state).doesNotExist();
        assertThat(BuildCache.location(site)).doesNotExist();
        assertThat(paperboy.parse.ParseCache.location(site)).doesNotExist();
    }

    /** Nothing changed in the content, but the site did: a page deleted or cut short by hand is made again. */
    @Test
    void aPageDeletedOrTruncatedByHandIsRestoredByTheNextBuild() throws Exception {
        incremental(true);
        Path paper;
        try (Stream<Path> papers = Files.list(site.resolve("papers"))) {
            paper = papers.sorted().findFirst().orElseThrow().resolve("index.html");
        }
        byte[] page = Files.readAllBytes(paper);
        Files.delete(paper);
        SiteBuild.Report r = incremental(true);
        assertThat(r.pages().noOp()).isFalse();
        assertThat(paper).hasBinaryContent(page);
        assertThat(incremental(true).pages().noOp()).isTrue();

        Files.write(paper, java.util.Arrays.copyOf(page, page.length / 2));
        assertThat(incremental(true).pages().noOp()).isFalse();
        assertThat(paper).hasBinaryContent(page);
        assertSameAsFullBuild();
    }

    /** The cache of the site's files is kept in shards: a damaged or missing one makes the next build a full one. */
    @Test
    void aDamagedOrMissingShardMeansAFullBuild() throws Exception {
        incremental(true);
        Path shards = BuildCache.location(site).resolveSibling(BuildCache.location(site).getFileName() + ".d");
        List<Path> files = sorted(shards);
        assertThat(files).isNotEmpty();
        byte[] whole = Files.readAllBytes(files.get(0));
        whole[whole.length / 3] ^= 0x20;
        Files.write(files.get(0), whole);
        addDay(10);
        SiteBuild.Report r = incremental(true);
        assertThat(r.pages().reused()).isZero();
        assertThat(r.pages().scope()).isEqualTo("all");
        assertSameAsFullBuild();
        assertThat(incremental(true).pages().noOp()).isTrue();

        Files.delete(sorted(shards).get(0));
        addDay(11);
        assertThat(incremental(true).pages().reused()).isZero();
        assertSameAsFullBuild();
        assertThat(incremental(true).pages().noOp()).isTrue();
    }

    /**
     * The archive kept is read a month at a time as the build needs it: a month found damaged then stops the build
     * before it writes anything, and it starts again from the listings, giving what a full build gives.
     */
    @Test
    void aDamagedMonthOfTheStateFoundMidBuildGivesAFullBuild() throws Exception {
        incremental(true);
        Path state = paperboy.state.ArchiveStore.location(site);
        for (Path month : sorted(state)) {
            String name = month.getFileName().toString();
            if (!name.endsWith(".cbor") || name.equals("archive.cbor")) continue;
            byte[] bytes = Files.readAllBytes(month);
            bytes[bytes.length / 2] ^= 0x20;
            Files.write(month, bytes);
        }
        addDay(10);
        SiteBuild.Report r = incremental(true);
        assertThat(r.pages().state().appended()).as("built again from the listings").isFalse();
        assertSameAsFullBuild();
        addDay(11);
        assertThat(incremental(true).pages().state().appended()).as("the state kept anew").isTrue();
        assertSameAsFullBuild();
    }

    /** The build cache's shards are read as a build asks for them: one found damaged then makes the build a full one. */
    @Test
    void aDamagedShardOfTheCacheFoundMidBuildGivesAFullBuild() throws Exception {
        incremental(true);
        for (Path shard : sorted(BuildCache.shards(BuildCache.location(site)))) {
            byte[] bytes = Files.readAllBytes(shard);
            bytes[bytes.length / 2] ^= 0x20;
            Files.write(shard, bytes);
        }
        addDay(10);
        SiteBuild.Report r = incremental(true);
        assertThat(r.pages().scope()).as("built again without the cache").isEqualTo("all");
        assertSameAsFullBuild();
        addDay(11);
        assertThat(incremental(true).pages().scope()).as("the cache kept anew").isNotEqualTo("all");
        assertSameAsFullBuild();
    }

    /**
     * A new file may hold several days (a JSON Feed): one that adds to an earlier day as well as a new one is not
     * appended to the archive kept, and the build renders everything, as a full build would.
     */
    @Test
    void aNewFeedThatAlsoAddsToAnEarlierDayRendersEverything() throws Exception {
        try (Stream<Path> files = Files.list(content)) {
            for (Path f : files.sorted().skip(5).toList()) Files.delete(f); // Feb 20-24: the month goes on
        }
        incremental(true);
        String text = "A study of how late listings reach earlier days of a digest, with enough words to be an "
                + "abstract of a paper that a reader would want to see on the day it was listed first.";
        Files.writeString(content.resolve("late.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\", "
                + "\"title\": \"Late\", \"items\": [\n"
                + " {\"id\": \"1\", \"title\": \"A paper listed late on an earlier day\", \"content_text\": \""
                + text + "\", \"date_published\": \"2024-02-22T09:00:00Z\"},\n"
                + " {\"id\": \"2\", \"title\": \"A paper of a new day\", \"content_text\": \"" + text
                + " Another.\", \"date_published\": \"2024-02-26T09:00:00Z\"}]}\n");
        SiteBuild.Report r = incremental(true);
        assertThat(r.pages().scope()).isEqualTo("all");
        assertSameAsFullBuild();
    }

    private SiteBuild.Report incremental(boolean inPlace) throws Exception {
        return new SiteBuild(SiteRenderer.standard(), true, inPlace).run(request(site));
    }

    private void assertSameAsFullBuild() throws Exception {
        Path full = tmp.resolve("full/site");
        new SiteBuild(SiteRenderer.standard()).run(request(full));
        assertThat(SiteTrees.text(site)).isEqualTo(SiteTrees.text(full));
    }

    private SiteBuild.Request request(Path out) {
        return new SiteBuild.Request(content, out, TEMPLATES, config, ThemeAssigner.none());
    }

    private void addDay(int index) throws IOException {
        Path f = sorted(corpus).get(index);
        Files.copy(f, content.resolve(f.getFileName()));
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

}
