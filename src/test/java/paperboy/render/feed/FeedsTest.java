package paperboy.render.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.render.Output;
import paperboy.testing.Samples;

class FeedsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Digest sample;
    private static Map<String, Output> sampleFeeds;

    @BeforeAll
    static void renderSample() {
        sample = Samples.sampleDigest();
        sampleFeeds = render(sample, Samples.config());
    }

    static Map<String, Output> render(Digest digest, SiteConfig config) {
        return new Feeds().render(digest, Samples.context(config)).stream()
                .collect(Collectors.toMap(Output::path, Function.identity()));
    }

    @Test
    void theSiteFeedCarriesEachDayNoteAsTheFirstItemOfItsDay() throws Exception {
        List<SyndEntry> entries = parse(sampleFeeds.get("feed.xml")).getEntries();
        List<SyndEntry> notes = entries.stream().filter(e -> e.getUri().endsWith("#editors-note")).toList();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.getTitle()).isEqualTo("Editor's note — Mar 14, 2025");
            assertThat(n.getLink()).isEqualTo(Samples.BASE + "days/2025-03-14/#editors-note");
            assertThat(n.getDescription().getValue()).contains("sparse autoencoders");
        });
        int at = entries.indexOf(notes.get(0));
        Date day = Date.from(java.time.LocalDate.of(2025, 3, 14).atTime(6, 0).atZone(ZoneId.of("UTC")).toInstant());
        assertThat(entries.get(at).getPublishedDate()).isEqualTo(day);
        assertThat(entries.get(at - 1).getPublishedDate()).isAfter(day); // first of its day
        for (Theme t : sample.themes()) {
            String themeFeed = new String(new Feeds().render(sample, Samples.context(Samples.config())).stream()
                    .filter(o -> o.path().equals("themes/" + t.slug() + "/feed.xml")).findFirst().orElseThrow().bytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(themeFeed).doesNotContain("editors-note");
            break;
        }
    }

    /** Strictly: well-formed namespace-aware XML first, then ROME with its "XML healer" (which fixes bad entities) off. */
    static SyndFeed parse(Output o) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        b.parse(new ByteArrayInputStream(o.bytes()));
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        input.setPreserveWireFeed(true);
        return input.build(new XmlReader(new ByteArrayInputStream(o.bytes())));
    }

    @Test
    void siteFeedsParseInRomeWithOneItemPerPaperNewestFirstCapped() throws Exception {
        assertThat(sampleFeeds).containsOnlyKeys("feed.xml", "atom.xml", "feed.json");
        assertThat(sample.papers()).hasSize(207);
        Map<String, Paper> byUrl = sample.papers().stream()
                .collect(Collectors.toMap(p -> Samples.BASE + "papers/" + p.slug() + "/", Function.identity()));
        for (String name : List.of("feed.xml", "atom.xml")) {
            SyndFeed feed = parse(sampleFeeds.get(name));
            assertThat(feed.getFeedType()).isEqualTo(name.equals("feed.xml") ? "rss_2.0" : "atom_1.0");
            List<SyndEntry> entries = feed.getEntries();
            assertThat(entries).as(name).hasSize(200); // the default cap, of 207 papers
            assertThat(new HashSet<>(entries.stream().map(SyndEntry::getUri).toList())).as("unique ids").hasSize(200);
            Date previous = null;
            for (SyndEntry e : entries) {
                if (e.getUri().endsWith("#editors-note")) continue; // the day note's own item, tested below
                Paper p = byUrl.get(e.getUri());
                assertThat(p).as("guid is the paper URL: " + e.getUri()).isNotNull();
                assertThat(e.getLink()).isEqualTo(e.getUri());
                // Published on the first-seen day at feeds.timeOfDay (06:00 by default), never on a later listing.
                assertThat(e.getPublishedDate()).isEqualTo(Date.from(p.firstSeen().atTime(6, 0).atZone(ZoneId.of("UTC")).toInstant()));
                if (previous != null) assertThat(e.getPublishedDate()).isBeforeOrEqualTo(previous);
                previous = e.getPublishedDate();
            }
        }
        JsonNode json = JSON.readTree(sampleFeeds.get("feed.json").bytes());
        assertThat(json.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("feed_url").asText()).isEqualTo("https://example.org/digest/feed.json");
        List<String> ids = new ArrayList<>();
        json.get("items").forEach(i -> {
            ids.add(i.get("id").asText());
            if (i.get("id").asText().endsWith("#editors-note")) return; // the day note's item
            Paper p = byUrl.get(i.get("id").asText());
            assertThat(OffsetDateTime.parse(i.get("date_published").asText()).toLocalDate()).isEqualTo(p.firstSeen());
            assertThat(i.get("content_text").asText()).isNotEmpty();
        });
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void theNewestItemsAreTheLatestDaysNewPapersInListingOrder() throws Exception {
        var latest = sample.latestDay().orElseThrow();
        List<String> newToday = latest.listings().stream().filter(l -> l.isNew())
                .map(l -> Samples.BASE + "papers/" + l.paperSlug() + "/").toList();
        List<String> first = parse(sampleFeeds.get("feed.xml")).getEntries().stream()
                .limit(newToday.size()).map(SyndEntry::getUri).toList();
        assertThat(first).isEqualTo(newToday);
    }

    @Test
    void themeFeedsHoldTheirPapersWithThemeNamesAsCategories() throws Exception {
        Map<String, Output> out = render(Samples.themedDigest(), Samples.config());
        assertThat(out).containsOnlyKeys("feed.xml", "atom.xml", "feed.json",
                "themes/vision/feed.xml", "themes/vision/atom.xml", "themes/vision/feed.json",
                "themes/language/feed.xml", "themes/language/atom.xml", "themes/language/feed.json");
        SyndFeed vision = parse(out.get("themes/vision/feed.xml"));
        assertThat(vision.getTitle()).isEqualTo("Paper Digest — Vision & Images");
        assertThat(vision.getLink()).isEqualTo("https://example.org/digest/themes/vision/");
        assertThat(vision.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://example.org/digest/papers/p3/", "https://example.org/digest/papers/p1/");
        SyndFeed language = parse(out.get("themes/language/atom.xml"));
        assertThat(language.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://example.org/digest/papers/p3/", "https://example.org/digest/papers/p2/");
        SyndEntry p3 = language.getEntries().get(0);
        assertThat(p3.getCategories()).extracting(SyndCategory::getName).containsExactly("Vision & Images", "Language");
        // The site feed: four papers, one item each although p1 and p2 were listed twice.
        assertThat(parse(out.get("feed.xml")).getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://example.org/digest/papers/p4/", "https://example.org/digest/papers/p3/",
                "https://example.org/digest/papers/p1/", "https://example.org/digest/papers/p2/");
        JsonNode json = JSON.readTree(out.get("themes/vision/feed.json").bytes());
        assertThat(json.get("items")).hasSize(2);
        assertThat(json.get("items").get(0).get("tags").get(0).asText()).isEqualTo("Vision & Images");
    }

    @Test
    void markupInTitlesAndAbstractsRoundTripsAsText() throws Exception {
        Map<String, Output> out = render(Samples.themedDigest(), Samples.config());
        for (String name : List.of("feed.xml", "atom.xml", "themes/vision/feed.xml", "themes/vision/atom.xml")) {
            SyndEntry p1 = parse(out.get(name)).getEntries().stream()
                    .filter(e -> e.getUri().endsWith("/p1/")).findFirst().orElseThrow();
            assertThat(p1.getTitle()).as(name).isEqualTo(Samples.NASTY_TITLE);
            String description = p1.getDescription().getValue();
            // RSS descriptions are HTML, Atom's summary here is type="text": either way the reader shows the text.
            String shown = name.endsWith("feed.xml") ? Jsoup.parse(description).text() : description;
            if (name.endsWith("feed.xml")) {
                // The RSS description is the HTML content: the abstract, then the way to the paper.
                assertThat(shown).as(name).isEqualTo(Samples.NASTY_ABSTRACT + " Find on arXiv · Find on Hugging Face");
            } else {
                assertThat(shown).as(name).isEqualTo(Samples.NASTY_ABSTRACT);
            }
        }
        JsonNode item = JSON.readTree(out.get("feed.json").bytes()).get("items").get(2);
        assertThat(item.get("title").asText()).isEqualTo(Samples.NASTY_TITLE);
        assertThat(item.get("content_text").asText()).isEqualTo(Samples.NASTY_ABSTRACT);
    }

    @Test
    void datesUseTheConfiguredTimeZone() throws Exception {
        SiteConfig berlin = Samples.config(Samples.BASE, ZoneId.of("Europe/Berlin"), 200);
        Map<String, Output> out = render(Samples.themedDigest(), berlin);
        String rss = new String(out.get("feed.xml").bytes(), java.nio.charset.StandardCharsets.UTF_8);
        String atom = new String(out.get("atom.xml").bytes(), java.nio.charset.StandardCharsets.UTF_8);
        // Stamped on the listing's date at feeds.timeOfDay (default 06:00), in the site's zone.
        assertThat(rss).contains("<pubDate>Fri, 14 Mar 2025 06:00:00 +0100</pubDate>");
        assertThat(atom).contains("<published>2025-03-14T06:00:00+01:00</published>");
        assertThat(parse(out.get("atom.xml")).getEntries().get(0).getPublishedDate())
                .isEqualTo(Date.from(LocalDate.of(2025, 3, 14).atTime(6, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
    }

    @Test
    void maxItemsCapsEveryFeed() throws Exception {
        Map<String, Output> out = render(Samples.themedDigest(), Samples.config(Samples.BASE, ZoneId.of("UTC"), 1));
        assertThat(parse(out.get("feed.xml")).getEntries()).hasSize(1);
        assertThat(parse(out.get("themes/language/atom.xml")).getEntries()).hasSize(1);
        assertThat(JSON.readTree(out.get("feed.json").bytes()).get("items")).hasSize(1);
    }

    @Test
    void themeAndWeeklyFeedsHoldFewerItemsThanTheSiteFeed() throws Exception {
        SiteConfig config = Samples.config(Samples.BASE, ZoneId.of("UTC"), 200)
                .withFeeds(new paperboy.config.FeedsConfig(200, 2, 1, null));
        Map<String, Output> out = render(Samples.themedDigest(), config);
        assertThat(parse(out.get("feed.xml")).getEntries()).hasSizeGreaterThan(2);
        assertThat(parse(out.get("themes/language/atom.xml")).getEntries()).hasSize(2);
        // Unset, they default to 50 theme items and 12 weeks, never more than maxItems.
        assertThat(new paperboy.config.FeedsConfig(200).orDefaults())
                .isEqualTo(new paperboy.config.FeedsConfig(200, 50, 12, paperboy.config.FeedsConfig.DEFAULT_TIME_OF_DAY));
        assertThat(new paperboy.config.FeedsConfig(10).orDefaults().weeklyItems()).isEqualTo(10);
    }

    @Test
    void withoutBaseUrlThereAreNoFeedsAndOneWarning() {
        SiteConfig noBase = Samples.config(null, ZoneId.of("UTC"), 200);
        assertThat(new Feeds().render(Samples.themedDigest(), Samples.context(noBase))).isEmpty();
        assertThat(Feeds.missingBaseUrl(noBase)).hasValueSatisfying(p ->
                assertThat(p.toString()).contains("skipped: set baseUrl in paperboy.yml or pass --base-url"));
        assertThat(Feeds.missingBaseUrl(Samples.config())).isEmpty();
    }

    @Test
    void sameInputSameBytes() {
        Map<String, Output> again = render(sample, Samples.config());
        sampleFeeds.forEach((path, o) -> assertThat(again.get(path).bytes()).as(path).isEqualTo(o.bytes()));
    }
}
