package paperboy.render.site;

import paperboy.build.SiteRenderer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.SiteBuild;
import paperboy.config.SiteConfig;
import paperboy.themes.Themes;

/** The sample site built with curated themes: theme pages, day pages grouped by theme, paper pages, JSON. */
class ThemePagesTest {
    @TempDir
    static Path tmp;
    static Path site;
    static SiteBuild.Report report;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        SiteConfig config = SiteConfig.defaults().withYear(2025);
        report = new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(Path.of("content"), site,
                Path.of("templates"), config, Themes.forBuild(config.themes(), null, Path.of("content"))));
    }

    private static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void themesIndexListsEveryThemeWithCountAndSparkline() throws Exception {
        Document d = page("themes/index.html");
        assertThat(d.select(".theme-list > li")).hasSize(report.digest().themes().size());
        Element first = d.selectFirst(".theme-list > li");
        assertThat(first.selectFirst("a.theme-name").text()).isEqualTo("In-Context Learning");
        assertThat(first.selectFirst("a.theme-name").attr("href")).isEqualTo("../themes/in-context-learning/index.html");
        assertThat(first.text()).contains(report.digest().theme("in-context-learning").orElseThrow().paperSlugs().size() + " papers");
        assertThat(first.select("svg.sparkline polyline").attr("points").split(" ")).hasSize(5);
        assertThat(first.selectFirst("svg title").text()).matches("Papers per day: \\d+ papers over 5 days, peak \\d+ on [A-Z][a-z]{2} \\d{1,2}, 2025");
        assertThat(d.select("header nav a").eachText()).contains("Themes");
    }

    @Test
    void themePageListsItsPapersNewestFirst() throws Exception {
        Document d = page("themes/long-context/index.html");
        assertThat(d.selectFirst("h1").text()).isEqualTo("Long Context");
        assertThat(d.selectFirst(".lede").text()).startsWith("Longer context windows");
        var papers = report.digest().theme("long-context").orElseThrow().paperSlugs();
        assertThat(d.select(".theme-papers > li")).hasSize(papers.size());
        assertThat(d.selectFirst(".theme-papers a").attr("href")).isEqualTo("../../papers/" + papers.get(0) + "/index.html");
        var firstSeen = papers.stream().map(s -> report.digest().paper(s).firstSeen()).toList();
        assertThat(firstSeen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void longThemesArePaginatedAtFiftyPapers() throws Exception {
        assertThat(ThemePages.themePath("x", 0)).isEqualTo("themes/x/index.html");
        assertThat(ThemePages.themePath("x", 3)).isEqualTo("themes/x/page/3/index.html");
        // The sample's themes are all shorter than one page: nothing paginated, no dangling links.
        for (var t : report.digest().themes()) {
            assertThat(Files.exists(site.resolve("themes/" + t.slug() + "/page/1/index.html"))).isEqualTo(t.paperSlugs().size() >= 100);
        }
    }

    @Test
    void dayPagesGroupListingsByThemeWithAnIndexAndKeepTheMarks() throws Exception {
        Document d = page("days/2025-03-13/index.html");
        var sections = d.select("section.theme-section");
        assertThat(sections).hasSizeGreaterThan(3);
        assertThat(sections.first().id()).isEqualTo("theme-in-context-learning");
        assertThat(d.select("nav.theme-index a").eachAttr("href")).containsExactlyElementsOf(
                sections.stream().map(s -> "#" + s.id()).toList());
        assertThat(d.select("li.listing")).hasSize(report.digest().day(java.time.LocalDate.of(2025, 3, 13)).orElseThrow().listings().size());
        assertThat(d.select(".mark-new")).isNotEmpty();
        assertThat(d.select(".mark-seen")).isNotEmpty();
        assertThat(sections.first().selectFirst("h2 a").attr("href")).isEqualTo("../../themes/in-context-learning/index.html");
        Document home = page("index.html");
        assertThat(home.select("section.theme-section h3")).isNotEmpty();
    }

    @Test
    void paperPagesLinkTheirThemesAndFiveRelatedPapers() throws Exception {
        var p = report.digest().papers().stream()
                .filter(x -> x.title().equals("Transformers learn in-context by gradient descent")).findFirst().orElseThrow();
        Document d = page("papers/" + p.slug() + "/index.html");
        assertThat(d.select("article .themes a.theme").first().attr("href")).isEqualTo("../../themes/" + p.themes().get(0) + "/index.html");
        assertThat(d.select(".related li")).hasSize(5);
        assertThat(d.select(".related li .muted").first().text()).matches("[A-Z][a-z]{2} \\d{1,2}, 2025");
    }

    @Test
    void theExportHasThemesTableAndEachPapersThemes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(paperboy.render.data.DigestJson.whole(report.digest(), "t"));
        JsonNode first = json.get("themes").get(0);
        assertThat(first.get("slug").asText()).isEqualTo("in-context-learning");
        assertThat(first.get("curated").asBoolean()).isTrue();
        assertThat(first.get("papers").size()).isGreaterThan(10);
        for (JsonNode p : json.get("papers")) {
            assertThat(p.get("themes").size()).isBetween(1, 3);
            assertThat(p.get("related").size()).isLessThanOrEqualTo(5);
        }
    }
}
