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
        assertThat(notFound.select("head base").attr("href")).isEqualTo("https://example.org/digest/");
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

    /** A shared link shows what the page is: its own title and description, then the site's name, and the card. */
    @Test
    void sharedLinksCarryThePagesOwnTitleAndDescription() throws Exception {
        Map<String, String> titles = Map.of(
                "index.html", "Paper Digest",
                "days/2025-03-14/index.html", "Mar 14, 2025 · Paper Digest",
                "papers/retromae-v2-duplex-masked-auto-encoder-for-pre-training/index.html",
                "RetroMAE v2: Duplex Masked Auto-Encoder For Pre-Training Retrieval-Oriented Language Models · Paper Digest",
                "weeks/2025-W11/index.html", "Weekly digest: Week 11, 2025 · Paper Digest",
                "months/2025-08/index.html", "Monthly digest: August 2025 · Paper Digest",
                "archive/index.html", "Archive · Paper Digest");
        for (var e : titles.entrySet()) {
            Document doc = Jsoup.parse(site.resolve(e.getKey()).toFile(), "UTF-8");
            assertThat(doc.select("meta[property=og:title]").attr("content")).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(Jsoup.parse(site.resolve("days/2025-03-14/index.html").toFile(), "UTF-8")
                .select("meta[property=og:description]").attr("content"))
                .isEqualTo("54 papers listed on Friday, March 14, 2025, 47 of them new.");
        for (Path page : TestSites.htmlPages(site)) {
            if (page.endsWith("404.html")) continue;
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            String where = site.relativize(page).toString();
            assertThat(doc.select("meta[property=og:description]").attr("content")).as(where)
                    .isEqualTo(doc.select("meta[name=description]").attr("content"));
            assertThat(doc.select("meta[property=og:image]").attr("content")).as(where)
                    .isEqualTo(TestSites.BASE_URL + "assets/card.png");
            assertThat(doc.select("meta[name=twitter:card]").attr("content")).as(where).isEqualTo("summary_large_image");
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
    void theArchiveListsYearsAndMonthsAndEachYearShowsItsMonthsAsCalendars() throws Exception {
        Document archive = Jsoup.parse(site.resolve("archive/index.html").toFile(), "UTF-8");
        assertThat(archive.select(".archive-year h2 a").eachAttr("href")).containsExactly("../archive/2025/index.html");
        assertThat(archive.select(".month-links a").eachAttr("href")).containsExactly("../archive/2025/index.html#2025-08", "../archive/2025/index.html#2025-03");
        assertThat(archive.select(".month-links li").eachText()).containsExactly("August 2 days, 104 listings", "March 3 days, 175 listings");
        assertThat(archive.select("table.calendar")).hasSize(1); // the latest month
        Document year = Jsoup.parse(site.resolve("archive/2025/index.html").toFile(), "UTF-8");
        assertThat(year.select("section.month").eachAttr("id")).containsExactly("2025-08", "2025-03");
        assertThat(year.select("table.calendar td.has-listings a").eachAttr("href")).containsExactly(
                "../../days/2025-08-07/index.html", "../../days/2025-08-20/index.html",
                "../../days/2025-03-11/index.html", "../../days/2025-03-13/index.html", "../../days/2025-03-14/index.html");
        // August 2025 starts on a Friday: four blank cells, then 1.
        Element firstWeek = year.select("table.calendar").first().selectFirst("tbody tr");
        assertThat(firstWeek.select("td").stream().map(Element::text).toList()).containsExactly("", "", "", "", "1", "2", "3");
    }

    @Test
    void theSearchIndexIsAManifestWordShardsAndChunksOfResults() throws Exception {
        JsonNode manifest = searchFile("search/manifest.js", "m");
        assertThat(manifest.get("docs").asInt()).isEqualTo(207);
        assertThat(manifest.get("months").get(0).get(0).asText()).isEqualTo("2025-03");
        JsonNode part = manifest.get("parts").get(0);
        assertThat(part.get("id").asText()).isEqualTo("a");
        // RetroMAE v2 is found in the result chunks...
        int retromae = -1, chunk = manifest.get("chunk").asInt();
        for (int i = 0; i < 207 && retromae < 0; i++) {
            JsonNode d = searchFile("search/docs/" + (i / chunk) + ".js", "d" + (i / chunk)).get(i % chunk);
            if (d.get(1).asText().startsWith("RetroMAE v2")) retromae = i;
        }
        assertThat(retromae).isNotNegative();
        JsonNode doc = searchFile("search/docs/" + (retromae / chunk) + ".js", "d" + (retromae / chunk)).get(retromae % chunk);
        assertThat(doc.get(2).asText()).isEqualTo("2025-03-11");
        assertThat(doc.get(3).asInt()).isEqualTo(5);
        // ...and under "retrieval" in the word shard whose range holds it, but not under a stop word.
        JsonNode keys = part.get("keys");
        int shard = 0;
        for (int i = 0; i < keys.size(); i++) if (keys.get(i).asText().compareTo("retrieval") <= 0) shard = i;
        JsonNode words = searchFile("search/a/" + shard + ".js", "ta/" + shard);
        assertThat(paperboy.render.data.SearchIndexCodec.decode(words.get("retrieval").get(0).asText(), 207)).contains(retromae);
        assertThat(words.has("the")).isFalse();
        assertThat(site.resolve("search/index.json")).doesNotExist();
        assertThat(site.resolve("search/index.js")).doesNotExist();
    }

    private JsonNode searchFile(String path, String key) throws Exception {
        String script = Files.readString(site.resolve(path), StandardCharsets.UTF_8);
        String head = "PAPERBOY_SEARCH(\"" + key + "\",";
        assertThat(script).startsWith(head).endsWith(");\n");
        return new ObjectMapper().readTree(script.substring(head.length(), script.length() - 3));
    }

    @Test
    void robotsAndSitemapListEveryPageByAbsoluteUrl() throws Exception {
        String robots = Files.readString(site.resolve("robots.txt"));
        assertThat(robots).contains("User-agent: *", "Sitemap: https://example.org/digest/sitemap.xml");
        Document index = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(index.selectFirst("sitemapindex")).isNotNull();
        assertThat(index.select("sitemap > loc").eachText()).containsExactly(
                "https://example.org/digest/sitemaps/2025-03.xml", "https://example.org/digest/sitemaps/2025-08.xml",
                "https://example.org/digest/sitemaps/site.xml");
        // A month's file changes with the latest day one of its pages did: March's day lists papers listed again in August.
        assertThat(index.select("sitemap > lastmod").eachText()).containsExactly("2025-08-20", "2025-08-20", "2025-08-20");
        List<String> locs = new ArrayList<>();
        for (String file : index.select("sitemap > loc").eachText()) {
            Document sitemap = Jsoup.parse(Files.readString(site.resolve(file.substring(TestSites.BASE_URL.toString().length()))),
                    "", org.jsoup.parser.Parser.xmlParser());
            locs.addAll(sitemap.select("url > loc").eachText());
            if (file.endsWith("2025-03.xml")) {
                // A day page's lastmod is the latest day one of its papers was listed; a paper's, its last day.
                assertThat(sitemap.select("url:has(loc:containsOwn(days/2025-03-11/)) > lastmod").text()).isEqualTo("2025-08-20");
                assertThat(sitemap.select("url:has(loc:containsOwn(" + "retromae-v2-duplex-masked-auto-encoder-for-pre-training" + ")) > lastmod").text()).isEqualTo("2025-08-20");
            }
        }
        assertThat(locs).hasSize(1 + 1 + 1 + 5 + 3 + 2 + 207).doesNotHaveDuplicates().allMatch(u -> u.startsWith("https://example.org/digest/"))
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
