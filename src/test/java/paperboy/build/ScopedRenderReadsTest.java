package paperboy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.bench.CorpusGenerator;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.incremental.BuildCache;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.problems.Problems;
import paperboy.render.Period;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import paperboy.render.Scope;
import paperboy.render.Templates;
import paperboy.model.ThemeActivity;
import paperboy.testing.ArchiveGuard;
import paperboy.themes.Themes;

/**
 * The render of a daily build reads the archive where the new day reaches, never all of it. Over two years of a
 * generated archive, one new day (mid-month, so the themes stay put) is rendered by every standard renderer in
 * turn, each over the digest as a lazy archive would hand it ({@link ArchiveGuard}), each told the themes' daily
 * counts as the archive kept between builds would ({@link ThemeActivity}). No renderer may iterate the papers, and
 * the months it reads must be among those the scope reaches:
 * <ul>
 * <li>the months of the scope's dates: the new day and the day before, every day its papers were listed;</li>
 * <li>the months of the weeks and months in scope (their pages and e-mail editions list every day of them), and
 *     for the weekly feed of the latest weeks it shows;</li>
 * <li>the months the shown papers were first seen in: those of the days in scope, the related papers of the
 *     papers in scope, the site feed's newest items, each theme's newest papers (its front page, feed and the
 *     numbered pages a new paper reaches), and the search chunks that hold a paper in scope.</li>
 * </ul>
 * Every file the scoped render writes is byte for byte the full build's.
 */
class ScopedRenderReadsTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDayReadsOnlyTheMonthsItReaches() throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content"), site = tmp.resolve("out/site");
        // Two years of five papers a day, ending on Thursday, Nov 16, 2017: a day inside its week, month and year.
        var options = new CorpusGenerator.Options(686, 5, 0.3, 7, LocalDate.of(2016, 1, 1));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.sorted().toList();
        }
        Files.createDirectories(content);
        for (Path f : files.subList(0, files.size() - 1)) Files.copy(f, content.resolve(f.getFileName()));
        SiteConfig config = SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/"));
        SiteBuild.Request request = new SiteBuild.Request(content, site, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content));
        new SiteBuild(SiteRenderer.standard(), true, true).run(request);
        BuildCache previous = BuildCache.read(BuildCache.location(site)).orElseThrow();

        Path last = files.get(files.size() - 1);
        Files.copy(last, content.resolve(last.getFileName()));
        Digest digest = SiteBuild.digest(new SiteBuild.Request(content, site, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content)), new Problems());
        LocalDate before = digest.days().get(digest.days().size() - 2).date();
        assertThat(digest.latestDay().orElseThrow().date()).isEqualTo(LocalDate.of(2017, 11, 16));
        Scope scope = Scope.appended(digest, before, path -> read(site.resolve(path)));
        assertThat(scope.days()).containsExactlyInAnyOrder(before, LocalDate.of(2017, 11, 16));

        Map<String, Set<YearMonth>> reached = reached(digest, scope, config);
        Set<YearMonth> all = new TreeSet<>();
        digest.days().forEach(d -> all.add(YearMonth.from(d.date())));
        // The dates, periods and search chunks in scope are the new day's month and the one before.
        assertThat(reached.get("")).as("the months of the dates in scope, of " + all.size())
                .contains(YearMonth.of(2017, 11)).isSubsetOf(YearMonth.of(2017, 10), YearMonth.of(2017, 11));

        Templates templates = Templates.from(Path.of("templates"));
        ThemeActivity kept = ThemeActivity.counted(digest);
        SiteOutputTest.Recording written = new SiteOutputTest.Recording();
        Map<String, Set<YearMonth>> beyond = new TreeMap<>();
        List<String> walked = new ArrayList<>();
        for (Renderer r : SiteRenderer.standard().renderers()) {
            ArchiveGuard guard = new ArchiveGuard(digest);
            RenderContext ctx = new RenderContext(config, templates, Path.of("templates")).within(scope)
                    .withThemeActivity(kept);
            SiteOutput.run(new SiteRenderer(List.of(r)), guard.digest(), ctx, written, previous, true);
            if (guard.walked()) walked.add(r.name());
            Set<YearMonth> extra = new TreeSet<>(guard.months());
            extra.removeAll(reached.getOrDefault(r.name(), reached.get("")));
            if (!extra.isEmpty()) beyond.put(r.name(), extra);
            System.out.printf("ScopedRenderReadsTest: %s read %d of %d months%n", r.name(), guard.months().size(),
                    all.size());
        }
        assertThat(walked).as("renderers that iterated every paper").isEmpty();
        assertThat(beyond).as("months read beyond those the new day reaches, by renderer").isEmpty();

        // What it wrote is what a full build writes.
        Path full = tmp.resolve("full/site");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, full, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content)));
        assertThat(written.files.keySet()).as("files written").hasSizeGreaterThan(40);
        List<String> differ = new ArrayList<>();
        written.files.forEach((path, text) -> {
            if (!text.equals(read(full.resolve(path)).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null))) {
                differ.add(path);
            }
        });
        assertThat(differ).as("files of the scoped render that differ from the full build's").isEmpty();
    }

    /**
     * The months each renderer may read (see the class comment), found over the plain digest: every renderer those
     * of the dates, periods and search chunks in scope; the pages of days and papers, the themes' pages and the feeds
     * also those of the papers they show.
     */
    private static Map<String, Set<YearMonth>> reached(Digest digest, Scope scope, SiteConfig config) {
        Set<YearMonth> dates = new TreeSet<>();
        scope.dates().forEach(d -> dates.add(YearMonth.from(d)));
        List<Period> weeks = Period.weeks(digest.days());
        for (List<Period> periods : List.of(weeks, Period.months(digest.days()))) {
            for (Period p : periods) {
                if (scope.period(p.start(), p.end())) p.dates().forEach(d -> dates.add(YearMonth.from(d)));
            }
        }
        var feeds = config.feeds().orDefaults();
        Set<YearMonth> weekly = new TreeSet<>();
        for (Period w : weeks.subList(Math.max(0, weeks.size() - feeds.weeklyItems()), weeks.size())) {
            w.dates().forEach(d -> weekly.add(YearMonth.from(d)));
        }
        List<Paper> order = digest.firstSeenOrder();
        for (int i = 0; i < order.size(); i++) {
            if (scope.paper(order.get(i).slug())) {
                int from = i / 32 * 32;
                order.subList(from, Math.min(order.size(), from + 32)).forEach(p -> dates.add(YearMonth.from(p.firstSeen())));
            }
        }
        Set<Paper> listedOrRelated = new java.util.HashSet<>(), themes = new java.util.HashSet<>();
        for (Day d : digest.days()) {
            if (scope.day(d.date())) d.listings().forEach(l -> listedOrRelated.add(digest.paper(l.paperSlug())));
        }
        for (String slug : scope.papers()) digest.paper(slug).related().forEach(r -> listedOrRelated.add(digest.paper(r)));
        for (Theme t : digest.themes()) {
            // Its front page (up to 99 papers), its feed, and the three numbered pages before a paper joining it.
            int n = t.paperSlugs().size(), front = n - Math.max(0, n / 50 - 1) * 50;
            t.paperSlugs().subList(0, Math.min(n, front + 3 * 50 + 1)).forEach(s -> themes.add(digest.paper(s)));
        }
        Set<Paper> feedItems = new java.util.HashSet<>(order.subList(Math.max(0, order.size() - feeds.maxItems()),
                order.size()));
        feedItems.addAll(themes);
        weekly.addAll(dates);
        return Map.of("html", with(dates, listedOrRelated), "themes", with(dates, themes),
                "feeds", with(dates, feedItems), "weekly-feeds", weekly, "", dates);
    }

    private static Set<YearMonth> with(Set<YearMonth> months, Set<Paper> papers) {
        Set<YearMonth> out = new TreeSet<>(months);
        papers.forEach(p -> out.add(YearMonth.from(p.firstSeen())));
        return out;
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
