package paperboy.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.config.SiteConfig;
import paperboy.model.Paper;
import paperboy.problems.Problem;

/**
 * Hugging Face upvotes as a reader meets them: "▲ 60" (read out as "60 upvotes") beside the paper on its day, its
 * page, its week and month and in the e-mail editions; week and month rank by them. Three days of one week: two
 * Hugging Face lists with counts, then a text dump without any.
 */
class UpvotesSiteTest {
    @TempDir
    static Path tmp;
    static Path site;
    static SiteBuild.Report report;

    @BeforeAll
    static void build() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("2025-03-10.json"), """
                [
                  {"paper": {"id": "2503.10001", "title": "Sparse Probes", "summary": "Probes, sparse.", "upvotes": 5}},
                  {"paper": {"id": "2503.10002", "title": "Fast Kernels", "summary": "Kernels, fast.", "upvotes": 40}},
                  {"paper": {"id": "2503.10003", "title": "Quiet Paper", "summary": "Nobody voted."}}
                ]
                """);
        Files.writeString(content.resolve("2025-03-11.json"), """
                [
                  {"paper": {"id": "2503.10001", "title": "Sparse Probes", "summary": "Probes, sparse.", "upvotes": 60}},
                  {"paper": {"id": "2503.10004", "title": "Many Votes", "summary": "Counted in words.", "upvotes": "many"}}
                ]
                """);
        Files.writeString(content.resolve("2025-03-12.txt"), """
                Mar 12, 2025

                Fast Kernels
                Kernels, fast.

                Text Dump Paper
                A listing without popularity.
                """);
        SiteConfig config = SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/"));
        site = tmp.resolve("site");
        report = new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, site, Path.of("templates"),
                config, ThemeAssigner.none()));
    }

    static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    static String slug(String title) {
        return report.digest().papers().stream().filter(p -> p.title().equals(title)).map(Paper::slug).findFirst().orElseThrow();
    }

    /** The listing's upvotes as seen ("▲ 60") and as read out ("60 upvotes"), or "" without any. */
    static String upvotes(Element around) {
        Element u = around.selectFirst(".upvotes");
        if (u == null) return "";
        assertThat(u.selectFirst("[aria-hidden=true]").text()).isEqualTo("▲");
        String heard = u.text().replace("▲", "").strip();
        assertThat(u.selectFirst(".visually-hidden").text()).isIn("upvote", "upvotes");
        return heard;
    }

    @Test
    void aNonNumberIsAWarningAtItsItemAndThePaperIsKept() {
        assertThat(report.warnings()).extracting(Problem::toString).singleElement().asString()
                .endsWith("2025-03-11.json:3:3: warning: papers[1]: \"upvotes\" is text (\"many\"), not a count "
                        + "(a whole number, 0 or more); shown without upvotes");
        assertThat(report.digest().papers()).extracting(Paper::title).contains("Many Votes");
    }

    @Test
    void dayPagesShowEachListingsCountOfThatDayInListingOrder() throws Exception {
        Document monday = page("days/2025-03-10/index.html");
        assertThat(monday.select(".listing .listing-title").eachText()).containsExactly("Sparse Probes", "Fast Kernels", "Quiet Paper");
        assertThat(monday.select(".listing").stream().map(UpvotesSiteTest::upvotes).toList())
                .containsExactly("5 upvotes", "40 upvotes", "");
        Document tuesday = page("days/2025-03-11/index.html");
        assertThat(upvotes(tuesday.getElementById(slug("Sparse Probes")))).isEqualTo("60 upvotes");
        Document wednesday = page("days/2025-03-12/index.html");
        assertThat(wednesday.select(".upvotes")).as("a text dump carries no counts").isEmpty();
    }

    @Test
    void paperPagesShowTheLatestCount() throws Exception {
        assertThat(upvotes(page("papers/" + slug("Sparse Probes") + "/index.html").selectFirst(".first-seen")))
                .isEqualTo("60 upvotes");
        // Listed again by a text dump: the last count given stands.
        assertThat(upvotes(page("papers/" + slug("Fast Kernels") + "/index.html").selectFirst(".first-seen")))
                .isEqualTo("40 upvotes");
        assertThat(page("papers/" + slug("Quiet Paper") + "/index.html").select(".upvotes")).isEmpty();
    }

    @Test
    void weekAndMonthRankByUpvotesThenByTheDaysListed() throws Exception {
        for (String path : List.of("weeks/2025-W11/index.html", "months/2025-03/index.html")) {
            Document d = page(path);
            assertThat(d.select(".period-papers > li > a:first-child").eachText()).as(path)
                    .containsExactly("Sparse Probes", "Fast Kernels", "Quiet Paper", "Many Votes", "Text Dump Paper");
            assertThat(d.select(".period-papers > li").stream().map(UpvotesSiteTest::upvotes).toList())
                    .containsExactly("60 upvotes", "40 upvotes", "", "", "");
            assertThat(d.selectFirst(".counts").text()).contains("Most upvoted first");
            assertThat(d.select("meta[property=og:description]").attr("content")).endsWith("most upvoted first.");
        }
    }

    @Test
    void eMailEditionsAndTheWeeklyFeedCarryTheCounts() throws Exception {
        Document mail = page("newsletter/2025-03-10.html");
        assertThat(mail.text().replace('\u00a0', ' ')).contains("Sparse Probes · ▲ 5 upvotes", "Fast Kernels · ▲ 40 upvotes");
        assertThat(Files.readString(site.resolve("newsletter/2025-03-11.txt"))).contains("(▲ 60 upvotes)");
        Document weekly = page("newsletter/weeks/2025-W11.html");
        assertThat(weekly.text().replace('\u00a0', ' ')).contains("Sparse Probes · ▲ 60 upvotes · listed on 2 days");
        assertThat(Files.readString(site.resolve("weeks/feed.xml")))
                .containsSubsequence("Sparse Probes&lt;/a&gt; (60 upvotes, 2 days)", "Fast Kernels&lt;/a&gt; (40 upvotes, 2 days)",
                        "Quiet Paper&lt;/a&gt; (1 day)");
    }

    @Test
    void theDayDataFilesCarryTheLatestCountOrNull() throws Exception {
        java.util.Map<String, JsonNode> bySlug = new java.util.HashMap<>();
        try (var days = Files.list(site.resolve("data/days"))) {
            for (Path f : days.toList()) {
                new ObjectMapper().readTree(f.toFile()).get("papers")
                        .forEach(p -> bySlug.put(p.get("slug").asText(), p.get("upvotes")));
            }
        }
        assertThat(bySlug.get(slug("Sparse Probes")).asInt()).isEqualTo(60);
        assertThat(bySlug.get(slug("Text Dump Paper")).isNull()).isTrue();
    }
}
