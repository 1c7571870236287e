package paperboy.render.site;

import paperboy.render.Output;

import paperboy.render.site.DiscoveryFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.config.SiteConfig;
import paperboy.render.RenderContext;
import paperboy.render.Scope;

class DiscoveryFilesTest {
    static final URI BASE = URI.create("https://example.org/");

    @Test
    void theSplitterCutsRunsOfAtMostTheLimitInOrder() {
        assertThat(DiscoveryFiles.split(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(DiscoveryFiles.split(List.of(1, 2), 2)).containsExactly(List.of(1, 2));
        assertThat(DiscoveryFiles.split(List.of(), 2)).isEmpty();
    }

    @Test
    void aMonthOverTheLimitGoesOnInNumberedFilesAndTheIndexListsThemAll() {
        Digest digest = archive(LocalDate.of(2024, 12, 30), 4, 5); // 2 days of December 2024, 2 of January 2025
        Map<String, List<DiscoveryFiles.Entry>> groups = DiscoveryFiles.groups(digest);
        assertThat(groups.keySet()).containsExactly("2024-12", "2025-01", "site");
        // The year pages are the site's: each changes with its year's last day, and with the next year's first day
        // (its link to that year).
        assertThat(groups.get("site")).extracting(DiscoveryFiles.Entry::path)
                .containsExactly("index.html", "archive/index.html", "archive/2024/index.html", "archive/2025/index.html");
        assertThat(groups.get("site")).extracting(DiscoveryFiles.Entry::lastmod).containsExactly(LocalDate.of(2025, 1, 2),
                LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2));
        List<Output> out = new DiscoveryFiles(4).sitemaps(groups, BASE);
        // 2024-12: 2 days, the week and month they open, 10 papers = 14 URLs; 2025-01: 2 days, its month (the week
        // began in December), 10 papers = 13 URLs: four files of at most 4 each.
        assertThat(out).extracting(Output::path).containsExactly("sitemaps/2024-12.xml", "sitemaps/2024-12.2.xml",
                "sitemaps/2024-12.3.xml", "sitemaps/2024-12.4.xml", "sitemaps/2025-01.xml", "sitemaps/2025-01.2.xml",
                "sitemaps/2025-01.3.xml", "sitemaps/2025-01.4.xml", "sitemaps/site.xml", "sitemap.xml");
        for (Output o : out) {
            if (!o.path().equals("sitemap.xml")) assertThat(urls(o)).as(o.path()).isBetween(1, 4);
        }
        String index = new String(out.get(out.size() - 1).bytes(), StandardCharsets.UTF_8);
        assertThat(index).contains("<sitemap><loc>https://example.org/sitemaps/2024-12.4.xml</loc><lastmod>2024-12-31</lastmod></sitemap>");
    }

    @Test
    void tenYearsOfFiftyPapersADayStayUnderFiftyThousandUrlsPerFile() {
        Digest digest = archive(LocalDate.of(2016, 1, 1), 3650, 50);
        List<Output> out = new DiscoveryFiles().sitemaps(DiscoveryFiles.groups(digest), BASE);
        int total = 0;
        for (Output o : out) {
            if (o.path().equals("sitemap.xml")) continue;
            int n = urls(o);
            assertThat(n).as(o.path()).isLessThanOrEqualTo(DiscoveryFiles.MAX_URLS);
            total += n;
        }
        assertThat(total).isEqualTo(2 + 10 + 3650 + 522 + 120 + 3650 * 50); // + 522 ISO weeks and 120 months
        assertThat(out).hasSize(120 + 1 + 1); // Jan 2016 to Dec 2025 (3,650 days end on Dec 28, 2025), site.xml, the index
    }

    @Test
    void aKeptIndexItCannotReadGivesEveryFileTheNewIndexNames() {
        Digest digest = archive(LocalDate.of(2024, 10, 1), 45, 2); // Oct 1 to Nov 14, 2024
        String keptIndex = "  <sitemap><loc>https://example.org/sitemaps/2024.xml</loc></sitemap>\n"; // an older layout
        Scope scope = Scope.appended(digest, LocalDate.of(2024, 11, 13), p -> p.equals(DiscoveryFiles.SITEMAP)
                ? Optional.of(keptIndex.getBytes(StandardCharsets.UTF_8)) : Optional.empty());
        RenderContext ctx = new RenderContext(SiteConfig.defaults().withBaseUrl(BASE), null, null).within(scope);
        Map<String, String> written = new TreeMap<>();
        for (Output o : new DiscoveryFiles().render(digest, ctx)) written.put(o.path(), new String(o.bytes(), StandardCharsets.UTF_8));
        List<String> named = new ArrayList<>();
        Matcher m = Pattern.compile("example.org/(sitemaps/[^<]+)</loc>").matcher(written.get(DiscoveryFiles.SITEMAP));
        while (m.find()) named.add(m.group(1));
        assertThat(named).containsExactly("sitemaps/2024-10.xml", "sitemaps/2024-11.xml", "sitemaps/site.xml");
        assertThat(written).as("the files the new index names").containsKeys(named.toArray(String[]::new));
    }

    private static int urls(Output o) {
        Matcher m = Pattern.compile("<url>").matcher(new String(o.bytes(), StandardCharsets.UTF_8));
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** {@code days} consecutive days of {@code perDay} new papers each, no themes. */
    static Digest archive(LocalDate start, int days, int perDay) {
        List<Day> dayList = new ArrayList<>();
        List<Paper> papers = new ArrayList<>();
        SourceRef src = new SourceRef(Path.of("x.txt"), 1, 1);
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            List<Listing> listings = new ArrayList<>();
            for (int i = 0; i < perDay; i++) {
                String slug = "p-" + d + "-" + i;
                listings.add(new Listing(slug, date, i, List.of(), src));
                papers.add(new Paper(slug, slug, java.util.Optional.empty(), List.of(date), 0, 0, List.of(), List.of(),
                        src, java.util.Optional.empty(), List.of()));
            }
            dayList.add(new Day(date, listings, List.of()));
        }
        return Digest.of(dayList, papers, List.of());
    }
}
