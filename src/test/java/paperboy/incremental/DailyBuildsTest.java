package paperboy.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.bench.CorpusGenerator;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.testing.SiteTrees;
import paperboy.themes.Themes;

/**
 * The daily job: one new listing file a day, each build incremental, each giving the same bytes as a full build,
 * across a month and a year boundary, with automatic and with curated themes. Days within a month render only
 * what they reach; the first day of a month, which refits the themes, renders everything.
 */
class DailyBuildsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"auto", "curated"})
    void everyDayGivesTheSameSiteAsAFullBuild(String mode) throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content"), site = tmp.resolve("out/site");
        // Six months before December, so December's papers are under a fifth of the archive: its themes stay put.
        var options = new CorpusGenerator.Options(216, 6, 0.3, 11, LocalDate.of(2016, 6, 1));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        Files.createDirectories(content);
        if (mode.equals("curated")) Files.copy(Path.of("content/themes.yml"), content.resolve("themes.yml"));
        List<Path> days;
        try (Stream<Path> files = Files.list(corpus)) {
            days = files.sorted().toList();
        }
        List<Path> later = new ArrayList<>();
        for (Path f : days) {
            if (f.getFileName().toString().compareTo("2016-12-30") < 0) Files.copy(f, content.resolve(f.getFileName()));
            else later.add(f);
        }
        SiteConfig config = SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/"));
        SiteBuild.Request request = new SiteBuild.Request(content, site, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), mode, content));
        new SiteBuild(SiteRenderer.standard(), true, true).run(request);

        List<String> scopes = new ArrayList<>();
        List<SiteBuild.State> states = new ArrayList<>();
        for (Path day : later.subList(0, 4)) { // Dec 30, Dec 31, Jan 1, Jan 2
            Files.copy(day, content.resolve(day.getFileName()));
            SiteBuild.Report r = new SiteBuild(SiteRenderer.standard(), true, true).run(request);
            scopes.add(r.pages().scope());
            states.add(r.pages().state());
            Path full = tmp.resolve("full-" + day.getFileName() + "/site");
            new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, full, Path.of("templates"),
                    config, Themes.forBuild(ThemesConfig.defaults(), mode, content)));
            var got = SiteTrees.text(site);
            var want = SiteTrees.text(full);
            assertThat(got.keySet()).as("files after " + day.getFileName()).isEqualTo(want.keySet());
            assertThat(want.keySet().stream().filter(k -> !want.get(k).equals(got.get(k))).sorted().toList())
                    .as("files that differ from a full build's after " + day.getFileName()).isEmpty();
            var cached = new java.util.TreeSet<>(BuildCache.read(BuildCache.location(site)).orElseThrow().files().keySet());
            var missing = new java.util.TreeSet<>(want.keySet());
            missing.removeAll(cached);
            missing.remove(paperboy.write.OutputFolder.MARKER); // the folder's own marker, never in the cache
            cached.removeAll(want.keySet());
            assertThat(missing).as("files of the site the cache does not list").isEmpty();
            assertThat(cached).as("files the cache lists that the site does not have").isEmpty();
        }
        assertThat(scopes.get(0)).startsWith("2 days, ");
        assertThat(scopes.get(1)).startsWith("2 days, ");
        assertThat(scopes.get(2)).as("a new month refits the themes").isEqualTo("all");
        assertThat(scopes.get(3)).startsWith("2 days, ");
        // Every day, the new month's first too, starts from the archive the previous build kept.
        assertThat(states).allMatch(SiteBuild.State::appended);
    }


    /**
     * What a new day's files reach beyond the new days falls back to rendering everything: a paper listed again
     * with an arXiv id its first listing lacked (the earlier day's page links it now), and a file for an earlier day.
     */
    @org.junit.jupiter.api.Test
    void aListingThatChangesEarlierPagesRendersEverything() throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content"), site = tmp.resolve("out/site");
        var options = new CorpusGenerator.Options(212, 6, 0.3, 11, LocalDate.of(2016, 6, 1)); // to Dec 29
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        Files.createDirectories(content);
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.toList()) Files.copy(f, content.resolve(f.getFileName()));
        }
        SiteConfig config = SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/"));
        SiteBuild.Request request = new SiteBuild.Request(content, site, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content));
        new SiteBuild(SiteRenderer.standard(), true, true).run(request);
        // The first title of Dec 20 (five header lines and the date line, each followed by a blank one).
        String title = Files.readString(content.resolve("2016-12-20.txt")).split("\r?\n")[12].strip();
        String item = "{\"paper\": {\"id\": \"1612.00042\", \"title\": \"%s\", \"summary\": \"Again.\", \"upvotes\": %d}}";

        Files.writeString(content.resolve("2016-12-30.json"), "[" + item.formatted(title, 7) + "]");
        SiteBuild.Report relisted = new SiteBuild(SiteRenderer.standard(), true, true).run(request);
        assertThat(relisted.pages().scope()).isEqualTo("all");
        assertThat(relisted.pages().state().appended()).as("a paper that reads differently now").isFalse();
        assertThat(Files.readString(site.resolve("days/2016-12-20/index.html"))).contains("https://arxiv.org/abs/1612.00042");
        assertSameAsFull(content, site, config, "after a listing with an arXiv id");

        Files.writeString(content.resolve("2016-12-20-late.json"),
                "{\"date\": \"2016-12-20\", \"papers\": [" + item.formatted(title, 99) + "]}");
        SiteBuild.Report late = new SiteBuild(SiteRenderer.standard(), true, true).run(request);
        assertThat(late.pages().scope()).isEqualTo("all");
        assertThat(late.pages().state().appended()).as("a day before the latest").isFalse();
        assertSameAsFull(content, site, config, "after a file for an earlier day");
    }

    private void assertSameAsFull(Path content, Path site, SiteConfig config, String when) throws Exception {
        Path full = tmp.resolve("full-" + when.hashCode() + "/site");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, full, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content)));
        var got = SiteTrees.text(site);
        var want = SiteTrees.text(full);
        assertThat(got.keySet()).as(when).isEqualTo(want.keySet());
        assertThat(want.keySet().stream().filter(k -> !want.get(k).equals(got.get(k))).sorted().toList()).as(when).isEmpty();
    }
}
