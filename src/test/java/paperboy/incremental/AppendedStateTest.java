package paperboy.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.bench.CorpusGenerator;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.testing.SiteTrees;
import paperboy.themes.Themes;

/**
 * A build that appends new listing files to the archive state the previous build kept gives what a full build of
 * the same content gives: the same site, the same warnings. Small hand-written Hugging Face listings, themes off.
 */
class AppendedStateTest {
    @TempDir
    Path tmp;

    private static final String ITEM =
            "{\"paper\": {\"id\": \"%s\", \"title\": \"%s\", \"summary\": \"%s\", \"upvotes\": %d}}";

    private static String day(String date, String... items) {
        return "{\"date\": \"" + date + "\", \"papers\": [" + String.join(", ", items) + "]}";
    }

    private Path content() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("2025-03-10.json"), day("2025-03-10",
                ITEM.formatted("2503.00001", "Sparse Attention at Scale", "We sparsify attention.", 3),
                ITEM.formatted("2503.00002", "Diffusion for Tables", "Tables, diffused.", 5)));
        Files.writeString(content.resolve("2025-03-11.json"), day("2025-03-11",
                ITEM.formatted("2503.00003", "Agents That Plan", "Planning agents.", 1)));
        return content;
    }

    private SiteBuild.Request request(Path content, Path site) {
        return new SiteBuild.Request(content, site, Path.of("templates"),
                SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/")),
                Themes.forBuild(ThemesConfig.defaults(), "off", content));
    }

    private SiteBuild.Report incremental(Path content, Path site) throws Exception {
        return new SiteBuild(SiteRenderer.standard(), true, true).run(request(content, site));
    }

    /** A full build of {@code content} into a folder of its own; the site and the warnings must be {@code got}'s. */
    private void assertSameAsFull(Path content, Path site, SiteBuild.Report got, String when) throws Exception {
        Path full = tmp.resolve("full-" + Math.abs(when.hashCode()) + "/site");
        SiteBuild.Report want = new SiteBuild(SiteRenderer.standard()).run(request(content, full));
        assertThat(got.warnings()).as("warnings " + when).containsExactlyElementsOf(want.warnings());
        Map<String, String> a = SiteTrees.text(site), b = SiteTrees.text(full);
        assertThat(a.keySet()).as("files " + when).isEqualTo(b.keySet());
        List<String> differ = b.keySet().stream().filter(k -> !b.get(k).equals(a.get(k))).sorted().toList();
        assertThat(differ).as("files that differ from a full build's " + when).isEmpty();
    }

    @Test
    void aNewDayBesideAFileThatIsNotAListingWarnsAsAFullBuildDoes() throws Exception {
        Path content = content(), site = tmp.resolve("out/site");
        incremental(content, site);
        Files.writeString(content.resolve("2025-03-12.json"), day("2025-03-12",
                ITEM.formatted("2503.00004", "Tokenizers Revisited", "Bytes again.", 2)));
        Files.writeString(content.resolve("README.md"), "What this folder is.\n");

        SiteBuild.Report r = incremental(content, site);

        assertThat(r.pages().state().appended()).as("days appended to the archive kept").isTrue();
        assertThat(r.warnings()).anySatisfy(p -> {
            assertThat(p.where().file()).isEqualTo(content.resolve("README.md"));
            assertThat(p.message()).isEqualTo("skipped: not a listing (*.txt, *.json, *.html)");
        });
        assertSameAsFull(content, site, r, "with a README beside the new day");
    }

    @Test
    void aHiddenListingFileAddedWithANewDayIsSkippedAsAFullBuildSkipsIt() throws Exception {
        Path content = content(), site = tmp.resolve("out/site");
        incremental(content, site);
        Files.writeString(content.resolve("2025-03-12.json"), day("2025-03-12",
                ITEM.formatted("2503.00004", "Tokenizers Revisited", "Bytes again.", 2)));
        // An editor's draft of tomorrow's listing, hidden from the build.
        Files.writeString(content.resolve(".2025-03-13.json"), day("2025-03-13",
                ITEM.formatted("2503.00005", "Not Published Yet", "A draft.", 0)));

        SiteBuild.Report r = incremental(content, site);

        assertThat(r.pages().state().appended()).as("days appended to the archive kept").isTrue();
        assertThat(site.resolve("days/2025-03-13")).doesNotExist();
        assertThat(r.digest().days()).hasSize(3);
        assertSameAsFull(content, site, r, "with a hidden draft beside the new day");
    }

    @Test
    void aWarningThatNamesAnotherListingNamesItWhereTheContentIsNow() throws Exception {
        Path content = content(), site = tmp.resolve("out/site");
        // Another paper with the title of one listed before: the warning names where the first was listed.
        Files.writeString(content.resolve("2025-03-12.json"), day("2025-03-12",
                ITEM.formatted("2503.00009", "Sparse Attention at Scale", "Another paper, same title.", 1)));
        incremental(content, site);
        Path moved = Files.move(content, tmp.resolve("moved"));
        Files.writeString(moved.resolve("2025-03-13.json"), day("2025-03-13",
                ITEM.formatted("2503.00004", "Tokenizers Revisited", "Bytes again.", 2)));

        SiteBuild.Report r = incremental(moved, site);

        assertThat(r.warnings()).anySatisfy(p -> assertThat(p.message())
                .contains("(first at " + moved.resolve("2025-03-10.json") + ":"));
        assertThat(r.warnings()).noneSatisfy(p -> assertThat(p.message()).contains(content.toString()));
        assertSameAsFull(moved, site, r, "after the content folder moved");
    }

    @Test
    void aNewDayWithAnErrorFailsAsAFullBuildFailsAndTheNextGoodOneAppends() throws Exception {
        Path content = content(), site = tmp.resolve("out/site");
        // A warning only assembly gives: another paper with a title listed before.
        Files.writeString(content.resolve("2025-03-12.json"), day("2025-03-12",
                ITEM.formatted("2503.00009", "Sparse Attention at Scale", "Another paper, same title.", 1)));
        incremental(content, site);
        Map<String, String> before = SiteTrees.text(site.resolveSibling(".site.state"));
        Files.writeString(content.resolve("2025-03-13.json"), "{\"date\": \"2025-03-13\", \"papers\": [");

        BuildFailed got = catchThrowableOfType(BuildFailed.class, () -> incremental(content, site));
        BuildFailed want = catchThrowableOfType(BuildFailed.class, () -> new SiteBuild(SiteRenderer.standard())
                .run(request(content, tmp.resolve("full/site"))));

        assertThat(got.problems()).as("what the failed build reports").containsExactlyElementsOf(want.problems());
        assertThat(got.problems()).noneSatisfy(p -> assertThat(p.message()).contains("kept as two papers"));
        assertThat(SiteTrees.text(site.resolveSibling(".site.state"))).as("the state kept").isEqualTo(before);
        Files.writeString(content.resolve("2025-03-13.json"), day("2025-03-13",
                ITEM.formatted("2503.00004", "Tokenizers Revisited", "Bytes again.", 2)));
        SiteBuild.Report fixed = incremental(content, site);
        assertThat(fixed.pages().state().appended()).as("days appended to the archive kept").isTrue();
        assertSameAsFull(content, site, fixed, "after the error was fixed");
    }

    @Test
    void aSiteDamagedSinceTheLastBuildIsMadeWholeAgain() throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content"), site = tmp.resolve("out/site");
        // Half a year to Dec 29, so a day within December renders only what it reaches.
        var options = new CorpusGenerator.Options(212, 6, 0.3, 11, LocalDate.of(2016, 6, 1));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        Files.createDirectories(content);
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.toList()) Files.copy(f, content.resolve(f.getFileName()));
        }
        SiteBuild.Request auto = new SiteBuild.Request(content, site, Path.of("templates"),
                SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/")),
                Themes.forBuild(ThemesConfig.defaults(), "auto", content));
        new SiteBuild(SiteRenderer.standard(), true, true).run(auto);
        Path page = site.resolve("days/2016-07-01/index.html");
        String was = Files.readString(page);
        Files.delete(page);

        SiteBuild.Report r = new SiteBuild(SiteRenderer.standard(), true, true).run(auto);

        assertThat(page).as("a page deleted from the site since the last build").hasContent(was);
        Path full = tmp.resolve("full/site");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, full, Path.of("templates"),
                auto.config(), Themes.forBuild(ThemesConfig.defaults(), "auto", content)));
        assertThat(SiteTrees.text(site)).isEqualTo(SiteTrees.text(full));
    }
}
