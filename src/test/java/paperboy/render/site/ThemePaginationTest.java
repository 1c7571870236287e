package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.Templates;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.model.Theme;

/** A long theme is split into fixed pages of 50 counted from the oldest, and its own page with the newest. */
class ThemePaginationTest {

    @Test
    void aThemeOf120PapersHasThreeLinkedPages() {
        LocalDate day = LocalDate.of(2025, 3, 13);
        List<Paper> papers = new ArrayList<>();
        List<Listing> listings = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String slug = String.format(Locale.ROOT, "paper-%03d", i);
            papers.add(new Paper(slug, "Paper " + i, Optional.empty(), List.of(day), 0, 0, List.of("big"), List.of(),
                    SourceRef.file(Path.of("x")), Optional.empty(), List.of()));
            listings.add(new Listing(slug, day, i + 1, List.of(), SourceRef.file(Path.of("x"))));
        }
        Theme big = new Theme("big", "Big Theme", "Many papers.", papers.stream().map(Paper::slug).toList(), List.of("big"), true);
        Digest digest = Digest.of(List.of(new Day(day, listings, List.of(Path.of("x")))), papers, List.of(big));
        RenderContext ctx = new RenderContext(SiteConfig.defaults(), Templates.from(Path.of("templates")), Path.of("templates"));
        Map<String, Document> pages = new ThemePages().render(digest, ctx).stream()
                .collect(Collectors.toMap(Output::path, o -> Jsoup.parse(new String(o.bytes(), StandardCharsets.UTF_8)), (a, b) -> a));
        // Numbered from the oldest: page 1 holds the oldest 50 (theme lists are newest first, so paper-119 is the
        // oldest); the theme's own page the 70 after them.
        assertThat(pages.keySet()).containsExactlyInAnyOrder("themes/index.html", "themes/big/index.html",
                "themes/big/page/1/index.html");
        Document oldest = pages.get("themes/big/page/1/index.html");
        assertThat(oldest.select(".theme-papers > li")).hasSize(50);
        assertThat(oldest.selectFirst(".theme-papers").attr("start")).isEqualTo("50");
        assertThat(oldest.selectFirst(".theme-papers").hasAttr("reversed")).isTrue();
        assertThat(oldest.selectFirst(".theme-papers a").text()).isEqualTo("Paper 70");
        assertThat(oldest.selectFirst(".counts").text()).startsWith("Papers 1–50, counted from the oldest");
        assertThat(oldest.selectFirst("a[rel=prev]").attr("href")).isEqualTo("../../../../themes/big/index.html");
        assertThat(oldest.select("a[rel=next]")).isEmpty();
        assertThat(oldest.selectFirst(".theme-papers a").attr("href")).isEqualTo("../../../../papers/paper-070/index.html");
        Document front = pages.get("themes/big/index.html");
        assertThat(front.select(".theme-papers > li")).hasSize(70);
        assertThat(front.selectFirst(".theme-papers").attr("start")).isEqualTo("120");
        assertThat(front.select("a[rel=prev]")).isEmpty();
        assertThat(front.selectFirst("a[rel=next]").attr("href")).isEqualTo("../../themes/big/page/1/index.html");
        assertThat(pages.get("themes/index.html").selectFirst(".theme-list").text()).contains("Big Theme", "120 papers");
    }

    @Test
    void aNewPaperChangesOnlyTheNewestPagesOfATheme() {
        Map<String, String> before = themePages(149), after = themePages(150);
        // 149 papers: page 1 (1-50), front 51-149. 150: pages 1 and 2 (51-100), front 101-150.
        assertThat(before.keySet()).containsExactlyInAnyOrder("themes/index.html", "themes/big/index.html", "themes/big/page/1/index.html");
        assertThat(after).containsKeys("themes/big/page/2/index.html");
        assertThat(after.get("themes/big/page/1/index.html")).isNotEqualTo(before.get("themes/big/page/1/index.html")); // its "newer" link
        Map<String, String> later = themePages(151);
        assertThat(later.get("themes/big/page/1/index.html")).isEqualTo(after.get("themes/big/page/1/index.html"));
        assertThat(later.get("themes/big/page/2/index.html")).isEqualTo(after.get("themes/big/page/2/index.html"));
    }

    /** The theme pages of a theme of n papers, one a day, paper-000 the oldest. */
    private static Map<String, String> themePages(int n) {
        List<Paper> papers = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i);
            String slug = String.format(Locale.ROOT, "paper-%03d", i);
            papers.add(new Paper(slug, "Paper " + i, Optional.empty(), List.of(day), 0, 0, List.of("big"), List.of(),
                    SourceRef.file(Path.of("x")), Optional.empty(), List.of()));
            days.add(new Day(day, List.of(new Listing(slug, day, 1, List.of(), SourceRef.file(Path.of("x")))), List.of(Path.of("x"))));
        }
        List<String> newestFirst = new ArrayList<>(papers.stream().map(Paper::slug).toList());
        java.util.Collections.reverse(newestFirst);
        Theme big = new Theme("big", "Big Theme", "Many papers.", newestFirst, List.of("big"), true);
        RenderContext ctx = new RenderContext(SiteConfig.defaults(), Templates.from(Path.of("templates")), Path.of("templates"));
        return new ThemePages().render(Digest.of(days, papers, List.of(big)), ctx).stream()
                .collect(Collectors.toMap(Output::path, o -> new String(o.bytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void withThemesOffTheThemesPageSaysSo() {
        Digest digest = Digest.of(List.of(), List.of(), List.of());
        RenderContext ctx = new RenderContext(SiteConfig.defaults(), Templates.from(Path.of("templates")), Path.of("templates"));
        List<Output> out = new ThemePages().render(digest, ctx);
        assertThat(out).extracting(Output::path).containsExactly("themes/index.html");
        assertThat(new String(out.get(0).bytes(), StandardCharsets.UTF_8)).contains("Themes are off for this site.");
    }

    @Test
    void sparklineSpansTheBoxFromBottomToPeak() {
        assertThat(ThemePages.sparkline(new int[] {0, 2, 4}, 4)).isEqualTo("0.0,19.0 50.0,10.0 100.0,1.0");
        assertThat(ThemePages.sparkline(new int[] {3}, 3)).isEqualTo("50.0,1.0");
        // Long archives are summed into at most 100 points.
        assertThat(ThemePages.buckets(new int[] {1, 1, 1, 1, 1, 1}, 3)).containsExactly(2, 2, 2);
        assertThat(ThemePages.buckets(new int[] {1, 2}, 3)).containsExactly(1, 2);
    }


    /**
     * A build that renders only what new papers reach renders a theme's numbered pages from the one before the page
     * holding the oldest of them: 51 papers joining at once fill two new pages, and the previous newest page gets a
     * newer one to link to.
     */
    @Test
    void papersJoiningAThemeReachItsPagesFromTheOneBeforeTheirOldest() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 399; i >= 0; i--) newestFirst.add("p" + i); // 400 papers: numbered pages 1..7, the front 351..400
        paperboy.model.Theme theme = new paperboy.model.Theme("big", "Big", "", newestFirst, List.of(), false);
        java.util.function.Function<java.util.Set<String>, paperboy.render.Scope> reaching = papers ->
                new paperboy.render.Scope(false, java.util.Set.of(), java.util.Set.of(), papers, java.util.Set.of("big"),
                        path -> Optional.empty());
        java.util.function.Function<String, Optional<java.time.LocalDate>> unknown = slug -> Optional.empty();
        // The 51 newest joined (papers 349..399): before, 349 papers had pages 1..5; page 5 links a newer one now.
        java.util.Set<String> joined = new java.util.HashSet<>();
        for (int i = 349; i < 400; i++) joined.add("p" + i);
        assertThat(ThemePages.oldestReached(theme, reaching.apply(joined), unknown)).isEqualTo(5);
        // One paper joined, the 400th: before, 399 papers had pages 1..6; page 7 is new and page 6 links it.
        assertThat(ThemePages.oldestReached(theme, reaching.apply(java.util.Set.of("p399")), unknown)).isEqualTo(6);
        // None of its papers in scope: no numbered page.
        assertThat(ThemePages.oldestReached(theme, reaching.apply(java.util.Set.of("other")), unknown)).isEqualTo(8);
    }

    /**
     * A paper listed again changes nothing a numbered page shows of it (title, link, first day), and the walk
     * stops at the first paper older than the days in scope: the theme's old pages are neither rendered nor read.
     */
    @Test
    void aPaperListedAgainDoesNotReachItsThemesOldPages() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 399; i >= 0; i--) newestFirst.add("p" + i);
        paperboy.model.Theme theme = new paperboy.model.Theme("big", "Big", "", newestFirst, List.of(), false);
        java.time.LocalDate today = java.time.LocalDate.of(2025, 3, 14);
        // p399 is new today; p10, listed again today, was first seen long before; the walk reads two papers.
        java.util.List<String> read = new ArrayList<>();
        java.util.function.Function<String, Optional<java.time.LocalDate>> firstSeen = slug -> {
            read.add(slug);
            return Optional.of(slug.equals("p399") ? today : today.minusDays(400 - Integer.parseInt(slug.substring(1))));
        };
        var scope = new paperboy.render.Scope(false, java.util.Set.of(today), java.util.Set.of(today),
                java.util.Set.of("p399", "p10"), java.util.Set.of("big"), path -> Optional.empty());
        assertThat(ThemePages.oldestReached(theme, scope, firstSeen)).isEqualTo(6);
        assertThat(read).containsExactly("p399", "p398");
    }
}
