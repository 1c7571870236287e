package paperboy.checks;

import paperboy.testing.SiteTrees;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.bench.CorpusGenerator;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.problems.Problems;
import paperboy.themes.Themes;

/**
 * A retired theme's URL still leads somewhere: on a generated archive with automatic themes, one theme that earlier
 * builds published is reported retired (the lineage retires one rarely: no generated or real archive measured has
 * one), and the site keeps a page at its URL that says where its papers went, with feeds that say it once.
 */
class RetiredThemePagesTest {
    private static final String RETIRED = "quantum-widgets";

    @TempDir
    Path tmp;

    @Test
    void aRetiredThemesPagePointsToWhereItsPapersWentAndIsNeitherListedNorIndexed() throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content");
        var options = new CorpusGenerator.Options(45, 10, 0.3, 11, LocalDate.of(2025, 1, 6));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        List<Path> days = sorted(corpus);
        Files.createDirectories(content);
        for (Path f : days.subList(0, 30)) Files.copy(f, content.resolve(f.getFileName()));
        Path site = tmp.resolve("out/site");
        new SiteBuild(SiteRenderer.standard(), true, true).run(request(content, site));
        for (Path f : days.subList(30, days.size())) Files.copy(f, content.resolve(f.getFileName()));
        new SiteBuild(SiteRenderer.standard(), true, true).run(request(content, site));

        Path full = tmp.resolve("full/site"), again = tmp.resolve("again/site");
        new SiteBuild(SiteRenderer.standard()).run(request(content, full));
        new SiteBuild(SiteRenderer.standard()).run(request(content, again));
        Map<String, String> tree = SiteTrees.text(full);
        assertThat(SiteTrees.text(site)).as("incremental equals full").isEqualTo(tree);
        assertThat(SiteTrees.text(again)).as("deterministic").isEqualTo(tree);

        String page = tree.get("themes/" + RETIRED + "/index.html");
        // The biggest theme took most of its papers (its link comes first, and the canonical link points to it).
        assertThat(page).isNotNull();
        String main = java.util.regex.Pattern.compile("its papers are now in <a href=\"\\.\\./\\.\\./themes/([a-z0-9-]+)/index\\.html\">")
                .matcher(page).results().map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(tree).containsKey("themes/" + main + "/index.html");
        assertThat(tree.get("themes/" + main + "/index.html")).doesNotContain("retired");
        assertThat(page).isNotNull()
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .containsPattern("This theme was retired in February 2025; its papers are now in <a href=\"\\.\\./\\.\\./themes/" + main
                        + "/index\\.html\">[^<]+</a> \\(5 papers\\)[,.]")
                .contains("<link rel=\"canonical\" href=\"https://example.org/digest/themes/" + main + "/\">")
                .doesNotContain("<link rel=\"canonical\" href=\"https://example.org/digest/themes/" + RETIRED + "/\">");
        assertThat(tree.get("themes/index.html")).doesNotContain(RETIRED);
        tree.forEach((path, text) -> {
            if (path.startsWith("sitemap")) assertThat(text).as(path).doesNotContain(RETIRED);
        });
        assertThat(tree.get("themes/" + RETIRED + "/feed.xml")).containsOnlyOnce("<item>")
                .contains("Quantum Widgets was retired: its papers are now in");
        assertThat(tree.get("themes/" + RETIRED + "/atom.xml")).containsOnlyOnce("<entry>");
        assertThat(tree.get("themes/" + RETIRED + "/feed.json")).contains("\"expired\" : true");

        LinkChecker.Result r = new LinkChecker(full).check();
        assertThat(r.broken()).isEmpty();
    }

    private static SiteBuild.Request request(Path content, Path out) {
        return new SiteBuild.Request(content, out, Path.of("templates"), TestSites.config(true),
                new Retiring(Themes.forBuild(ThemesConfig.defaults(), "auto", content)));
    }

    /** Automatic themes, and one theme retired in February 2025 whose papers went to the biggest two (5 and 2 papers). */
    private record Retiring(ThemeAssigner themes) implements ThemeAssigner {
        @Override
        public Assignment assign(List<Paper> papers) {
            return assign(papers, new Problems());
        }

        @Override
        public Assignment assign(List<Paper> papers, Problems problems) {
            Assignment a = themes.assign(papers, problems);
            List<Theme> biggest = a.themes().stream()
                    .sorted(java.util.Comparator.comparingInt((Theme t) -> -t.paperSlugs().size()).thenComparing(Theme::slug))
                    .limit(2).toList();
            List<RetiredTheme.Successor> successors = new java.util.ArrayList<>();
            for (int i = 0; i < biggest.size(); i++) successors.add(new RetiredTheme.Successor(biggest.get(i).slug(), 5 - 3 * i));
            RetiredTheme retired = new RetiredTheme(RETIRED, "Quantum Widgets", YearMonth.of(2025, 2), successors);
            return new Assignment(a.themes(), a.paperThemes(), a.related(), List.of(retired));
        }

        @Override
        public ThemeAssigner cachedFor(Path outDir) {
            return new Retiring(themes.cachedFor(outDir));
        }
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

}
