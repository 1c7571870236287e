package paperboy.themes;

import paperboy.testing.SiteTrees;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.problems.Problems;

/**
 * A theme the lineage retires: six papers in February on a topic of their own ("zorblax widgets") make a theme of
 * the March refit; in March the topic's words flood half the archive, so at the April refit they say nothing
 * (in half the papers, out of the vocabulary), the six papers fit no theme, and the theme retires. Its URL is then
 * a retired theme's, pointing to where the six papers went.
 */
class ThemeRetirementTest {
    private static final List<String> SIX = java.util.stream.IntStream.rangeClosed(1, 6)
            .mapToObj(i -> "zorblax-widget-frobnication-" + i).toList();

    private static List<Paper> archive() throws Exception {
        List<Paper> made = ThemesBench.synthetic(ThemesBench.samplePapers(), 1220);
        List<Paper> out = new ArrayList<>();
        LocalDate jan = LocalDate.of(2025, 1, 1), mar = LocalDate.of(2025, 3, 1);
        for (int i = 0; i < 590; i++) out.add(dated(made.get(i), jan.plusDays(i / 10), ""));
        for (int i = 0; i < 6; i++) {
            // Numbered, so neither title nor abstract makes them one paper; the numbers, in one paper each, are no terms.
            out.add(new Paper("zorblax-widget-frobnication-" + (i + 1), "Zorblax Widget Frobnication " + (i + 1),
                    Optional.of((i + 1) + ". Zorblax widget frobnication."),
                    List.of(LocalDate.of(2025, 2, 10 + i)), 0, 0, List.of(), List.of(), made.get(i).firstSource(),
                    Optional.empty(), List.of()));
        }
        for (int i = 590; i < 1210; i++) out.add(dated(made.get(i), mar.plusDays((i - 590) / 20), " Zorblax widget frobnication."));
        for (int i = 1210; i < 1220; i++) out.add(dated(made.get(i), LocalDate.of(2025, 4, 1), ""));
        return out;
    }

    /**
     * The site of the archive on 1 March publishes the theme; the site on 1 April, built from it or from scratch
     * (the same bytes), has a page at its URL saying where its papers went, and every link resolves.
     */
    @Test
    void theRetiredThemesURLLeadsToWhereItsPapersWent(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<Paper> papers = archive();
        Path content = tmp.resolve("content"), site = tmp.resolve("out/site"), full = tmp.resolve("full/site");
        write(ContinuityBench.upTo(papers, LocalDate.of(2025, 3, 1)), content);
        paperboy.build.SiteBuild incremental = new paperboy.build.SiteBuild(paperboy.build.SiteRenderer.standard(), true, true);
        incremental.run(request(content, site));
        String slug;
        try (var dirs = java.nio.file.Files.list(site.resolve("themes"))) {
            slug = dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve("index.html"))).filter(d -> {
                try {
                    return java.nio.file.Files.readString(d.resolve("index.html")).contains("Zorblax Widget Frobnication 1<");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(d -> d.getFileName().toString()).findFirst().orElseThrow();
        }
        String page = "themes/" + slug + "/index.html";
        assertThat(java.nio.file.Files.readString(site.resolve(page))).doesNotContain("retired");

        write(papers, content);
        incremental.run(request(content, site));
        new paperboy.build.SiteBuild(paperboy.build.SiteRenderer.standard()).run(request(content, full));
        assertThat(SiteTrees.text(site)).as("incremental equals full").isEqualTo(SiteTrees.text(full));
        assertThat(java.nio.file.Files.readString(full.resolve(page)))
                .contains("This theme was retired in April 2025; its papers are now in <a href=\"../../themes/other/index.html\">Other</a> (6 papers).")
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("<link rel=\"canonical\" href=\"https://example.org/digest/themes/other/\">");
        assertThat(java.nio.file.Files.readString(full.resolve("themes/" + slug + "/feed.xml")))
                .containsOnlyOnce("<item>").contains(" was retired: its papers are now in Other");
        assertThat(java.nio.file.Files.readString(full.resolve("themes/index.html"))).doesNotContain(slug + "/");
        paperboy.checks.LinkChecker.Result links = new paperboy.checks.LinkChecker(full).check();
        assertThat(links.broken()).isEmpty();
    }

    private static paperboy.build.SiteBuild.Request request(Path content, Path out) {
        return new paperboy.build.SiteBuild.Request(content, out, Path.of("templates"),
                paperboy.checks.TestSites.config(true), Themes.forBuild(ThemesConfig.defaults(), "auto", content));
    }

    /** The papers as text dumps, one file a day. */
    private static void write(List<Paper> papers, Path content) throws java.io.IOException {
        java.util.Map<LocalDate, StringBuilder> days = new java.util.TreeMap<>();
        for (Paper p : papers) {
            for (LocalDate d : p.days()) {
                days.computeIfAbsent(d, k -> new StringBuilder(k + "\n\n"))
                        .append(p.title()).append("\n\n").append(p.abstractRaw().orElse("")).append("\n\n");
            }
        }
        java.nio.file.Files.createDirectories(content);
        for (var e : days.entrySet()) java.nio.file.Files.writeString(content.resolve(e.getKey() + ".txt"), e.getValue());
    }


    private static Paper dated(Paper p, LocalDate day, String extra) {
        return new Paper(p.slug(), p.title(), p.abstractRaw().map(a -> a + extra), List.of(day), 0, 0, List.of(),
                List.of(), p.firstSource(), Optional.empty(), List.of());
    }

    @Test
    void aThemeLeftWithoutPapersRetiresAndSaysWhereTheyWent() throws Exception {
        List<Paper> papers = archive();
        ThemeAssigner themes = Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content"));
        ThemeAssigner.Assignment march = themes.assign(ContinuityBench.upTo(papers, LocalDate.of(2025, 3, 1)), new Problems());
        String slug = march.paperThemes().get(SIX.get(0)).get(0);
        Theme zorblax = march.themes().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
        // The six, and March's first papers, which bring the topic's words along.
        assertThat(zorblax.paperSlugs()).containsAll(SIX);
        assertThat(march.retired()).isEmpty();

        ThemeAssigner.Assignment april = themes.assign(ContinuityBench.upTo(papers, LocalDate.of(2025, 4, 1)), new Problems());
        assertThat(april.themes()).extracting(Theme::slug).doesNotContain(slug);
        String now = april.paperThemes().get(SIX.get(0)).get(0);
        System.out.println("retired: " + april.retired());
        assertThat(april.retired()).containsExactly(new RetiredTheme(slug, zorblax.name(), YearMonth.of(2025, 4),
                List.of(new RetiredTheme.Successor(now, 6))));
    }
}
