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

/** A theme longer than a page is split into pages of 50, newest first, linked both ways. */
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
        assertThat(pages.keySet()).containsExactlyInAnyOrder("themes/index.html", "themes/big/index.html",
                "themes/big/page/2/index.html", "themes/big/page/3/index.html");
        Document second = pages.get("themes/big/page/2/index.html");
        assertThat(second.select(".theme-papers > li")).hasSize(50);
        assertThat(second.selectFirst(".theme-papers").attr("start")).isEqualTo("51");
        assertThat(second.selectFirst(".theme-papers a").text()).isEqualTo("Paper 50");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("../../../../themes/big/index.html");
        assertThat(second.selectFirst("a[rel=next]").attr("href")).isEqualTo("../../../../themes/big/page/3/index.html");
        assertThat(second.selectFirst(".theme-papers a").attr("href")).isEqualTo("../../../../papers/paper-050/index.html");
        assertThat(pages.get("themes/big/page/3/index.html").select(".theme-papers > li")).hasSize(20);
        assertThat(pages.get("themes/big/index.html").select("a[rel=prev]")).isEmpty();
        assertThat(pages.get("themes/index.html").selectFirst(".theme-list").text()).contains("Big Theme", "120 papers");
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
    }

}
