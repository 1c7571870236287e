package paperboy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The built sample site, checked as a whole: valid HTML, no broken internal link, the reader features' files. */
class SiteChecksTest {
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = TestSites.build(tmp.resolve("site"), true);
    }

    @Test
    void everyPagePassesTheNuHtmlChecker() throws Exception {
        List<String> errors = new ArrayList<>();
        Path[] current = new Path[1];
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings (e.g. "consider adding a lang attribute") are advice, not errors
            }

            @Override
            public void error(SAXParseException e) {
                errors.add((current[0].startsWith(site) ? site.relativize(current[0]) : current[0]) + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        // The checker itself works: a page with a known error is caught.
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div>x</p></body></html>");
        current[0] = bad;
        validator.checkHtmlFile(bad.toFile(), true);
        assertThat(errors).as("the checker finds the error in a bad page").isNotEmpty();
        errors.clear();
        List<Path> pages = TestSites.htmlPages(site);
        for (Path page : pages) {
            current[0] = page;
            InputSource in = new InputSource(page.toUri().toString());
            in.setByteStream(Files.newInputStream(page));
            in.setEncoding("UTF-8");
            validator.checkHtmlInputSource(in);
        }
        assertThat(pages).hasSizeGreaterThan(200);
        assertThat(errors).as("Nu Html Checker errors in %d pages", pages.size()).isEmpty();
    }

    @Test
    void everyInternalLinkResolvesToAFileAndEveryFragmentToAnId() throws Exception {
        LinkChecker.Result r = new LinkChecker(site).check();
        assertThat(r.checked()).isGreaterThan(2000);
        assertThat(r.rootAbsolute()).as("links are relative, never root-absolute").isEmpty();
        assertThat(r.broken()).isEmpty();
    }

    @Test
    void theNotFoundPageResolvesItsLinksFromTheSiteRootAtAnyDepth() throws Exception {
        Document notFound = Jsoup.parse(site.resolve("404.html").toFile(), "UTF-8");
        assertThat(notFound.select("head base").attr("href")).isEqualTo("/digest/");
        assertThat(notFound.select("link[rel=stylesheet]").attr("href")).isEqualTo("assets/style.css");
        Path plain = TestSites.build(tmp.resolve("plain"), false);
        assertThat(Jsoup.parse(plain.resolve("404.html").toFile(), "UTF-8").select("head base").attr("href"))
                .as("without a base URL the site is taken to be at the host's root").isEqualTo("/");
    }

    @Test
    void everyPageHasTitleDescriptionCanonicalOpenGraphSearchBoxAndFavicon() throws Exception {
        for (Path page : TestSites.htmlPages(site)) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            String where = site.relativize(page).toString();
            assertThat(doc.title()).as(where).isNotBlank();
            assertThat(doc.select("meta[name=description]").attr("content")).as(where).isNotBlank();
            assertThat(doc.select("link[rel=icon]").attr("href")).as(where).endsWith("assets/favicon.svg");
            assertThat(doc.select("form[role=search] input[type=search]")).as(where).hasSize(1);
            assertThat(doc.select("label[for=search-q]")).as(where).hasSize(1);
            if (!where.equals("404.html")) {
                String canonical = doc.select("link[rel=canonical]").attr("href");
                assertThat(canonical).as(where).startsWith(TestSites.BASE_URL.toString());
                assertThat(doc.select("meta[property=og:url]").attr("content")).as(where).isEqualTo(canonical);
                assertThat(doc.select("meta[property=og:title]").attr("content")).as(where).isNotBlank();
            }
        }
    }

    @Test
    void dayPagesHaveTheHideSeenToggleAndMarkEverySeenListing() throws Exception {
        Document day = Jsoup.parse(site.resolve("days/2025-08-20/index.html").toFile(), "UTF-8");
        assertThat(day.select("input#hide-seen[type=checkbox]")).hasSize(1);
        assertThat(day.select("label[for=hide-seen]").text()).isEqualTo("Hide the 23 papers listed on an earlier day");
        assertThat(day.select("li.listing.is-seen")).hasSize(23);
        assertThat(day.select("li.listing.is-seen .mark-seen")).hasSize(23);
        // The first day has nothing seen before: no toggle.
        Document first = Jsoup.parse(site.resolve("days/2025-03-11/index.html").toFile(), "UTF-8");
        assertThat(first.select("#hide-seen")).isEmpty();
    }

    @Test
    void theArchiveShowsAMonthCalendarWithLinksToTheDaysThatHaveListings() throws Exception {
        Document archive = Jsoup.parse(site.resolve("archive/index.html").toFile(), "UTF-8");
        assertThat(archive.select("table.calendar")).hasSize(2); // March and August 2025
        assertThat(archive.select("table.calendar td.has-listings a").eachAttr("href")).containsExactly(
                "../days/2025-08-07/index.html", "../days/2025-08-20/index.html",
                "../days/2025-03-11/index.html", "../days/2025-03-13/index.html", "../days/2025-03-14/index.html");
        // August 2025 starts on a Friday: four blank cells, then 1.
        Element firstWeek = archive.select("table.calendar").first().selectFirst("tbody tr");
        assertThat(firstWeek.select("td").stream().map(Element::text).toList()).containsExactly("", "", "", "", "1", "2", "3");
    }

    @Test
    void theSearchIndexHoldsEveryPaperCompactly() throws Exception {
        JsonNode index = new ObjectMapper().readTree(site.resolve("search/index.json").toFile());
        assertThat(index.get("papers")).hasSize(207);
        JsonNode retromae = null;
        for (JsonNode p : index.get("papers")) {
            if (p.get("t").asText().startsWith("RetroMAE v2")) retromae = p;
        }
        assertThat(retromae).isNotNull();
        assertThat(retromae.get("n").asInt()).isEqualTo(5);
        assertThat(retromae.get("d").asText()).isEqualTo("2025-03-11");
        assertThat(retromae.get("w").asText()).contains("retrieval").doesNotContain(" the ");
        String script = Files.readString(site.resolve("search/index.js"), StandardCharsets.UTF_8);
        assertThat(script).startsWith("window.PAPERBOY_SEARCH={");
        assertThat(Files.size(site.resolve("search/index.js"))).isLessThan(400_000);
    }

    @Test
    void robotsAndSitemapListEveryPageByAbsoluteUrl() throws Exception {
        String robots = Files.readString(site.resolve("robots.txt"));
        assertThat(robots).contains("User-agent: *", "Sitemap: https://example.org/digest/sitemap.xml");
        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        List<String> locs = sitemap.select("url > loc").eachText();
        assertThat(locs).hasSize(1 + 1 + 5 + 207).allMatch(u -> u.startsWith("https://example.org/digest/"))
                .contains("https://example.org/digest/", "https://example.org/digest/days/2025-08-07/");
        for (String loc : locs) {
            Path page = site.resolve(loc.substring(TestSites.BASE_URL.toString().length())).resolve("index.html");
            assertThat(page).as(loc).isRegularFile();
        }
    }

    @Test
    void theBuiltSiteHasNoServeModeCode() throws Exception {
        for (Path page : TestSites.htmlPages(site)) {
            assertThat(Files.readString(page)).doesNotContain("__paperboy", "EventSource");
        }
    }

    @Test
    void withoutABaseUrlThereIsNoSitemapCanonicalOrOpenGraph(@TempDir Path other) throws Exception {
        Path plain = TestSites.build(other.resolve("site"), false);
        assertThat(plain.resolve("sitemap.xml")).doesNotExist();
        assertThat(Files.readString(plain.resolve("robots.txt"))).doesNotContain("Sitemap");
        String home = Files.readString(plain.resolve("index.html"));
        assertThat(home).doesNotContain("rel=\"canonical\"", "og:url");
    }
}
