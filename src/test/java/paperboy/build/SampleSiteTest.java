package paperboy.build;

import paperboy.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the sample content (the five seed listings) once and checks the site a reader gets. */
class SampleSiteTest {
    static final String RETRO_SLUG = "retromae-v2-duplex-masked-auto-encoder-for-pre-training";

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        Cli r = Cli.run("build", "--out", site.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 days, 279 listings, 207 papers");
    }

    static Document page(String rel) throws IOException {
        Path file = site.resolve(rel);
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    @Test
    void theDataFilesHoldTheDaysAndThePapersFirstSeenOnEach() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode index = json.readTree(site.resolve("data/index.json").toFile());
        assertThat(index.get("version").asInt()).isEqualTo(5);
        List<String> dates = List.of("2025-03-11", "2025-03-13", "2025-03-14", "2025-08-07", "2025-08-20");
        assertThat(index.get("days")).extracting(n -> n.get("date").asText()).containsExactlyElementsOf(dates);
        int listings = 0;
        for (JsonNode day : index.get("days")) listings += day.get("listings").asInt();
        assertThat(listings).isEqualTo(279);
        // A file per day, which the index names: a new day rewrites its own and those its re-listed papers were
        // first seen on, never a file of every day or of a month's papers.
        assertThat(index.get("days")).extracting(n -> n.get("file").asText())
                .containsExactlyElementsOf(dates.stream().map(d -> "days/" + d + ".json").toList());
        assertThat(index.has("months")).isFalse();
        List<JsonNode> papers = new ArrayList<>();
        int slugs = 0;
        for (JsonNode entry : index.get("days")) {
            JsonNode day = json.readTree(site.resolve("data").resolve(entry.get("file").asText()).toFile());
            assertThat(day.get("date").asText()).isEqualTo(entry.get("date").asText());
            slugs += day.get("listings").size();
            assertThat(day.get("papers")).hasSize(entry.get("new").asInt());
            for (JsonNode p : day.get("papers")) {
                assertThat(p.get("firstSeen").asText()).isEqualTo(day.get("date").asText());
                assertThat(day.get("listings")).extracting(JsonNode::asText).contains(p.get("slug").asText());
                papers.add(p);
            }
        }
        assertThat(slugs).isEqualTo(279);
        assertThat(papers).hasSize(207);
        assertThat(papers.stream().filter(p -> p.get("days").size() > 1)).hasSize(51);
        JsonNode retro = papers.stream().filter(p -> p.get("slug").asText().equals(RETRO_SLUG)).findFirst().orElseThrow();
        assertThat(retro.get("title").asText()).startsWith("RetroMAE v2");
        assertThat(retro.get("abstract").asText()).startsWith("To better support retrieval applications");
        assertThat(retro.get("firstSeen").asText()).isEqualTo("2025-03-11");
        assertThat(retro.get("days")).hasSize(5);
        assertThat(retro.get("themes")).isNotEmpty();
        assertThat(site.resolve("data/digest.json")).doesNotExist();
        assertThat(site.resolve("data/2025-03.json")).doesNotExist();
    }

    @Test
    void exportWritesTheWholeDigestAsOneFile() throws IOException {
        Path file = tmp.resolve("export/digest.json");
        Cli r = Cli.run("export", "--out", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(file.toFile());
        assertThat(d.get("version").asInt()).isEqualTo(5);
        assertThat(d.get("days")).hasSize(5);
        assertThat(d.get("papers")).hasSize(207);
        assertThat(d.get("papers").get(0).fieldNames()).toIterable().containsExactly("slug", "title", "abstract",
                "abstractRaw", "days", "firstSeen", "themes", "related", "titleVariants", "abstractVariants",
                "arxivId", "authors", "upvotes");
        assertThat(d.get("themes").get(0).get("papers")).isNotEmpty();
        Cli toStdout = Cli.run("export");
        assertThat(toStdout.exitCode()).isZero();
        assertThat(toStdout.out().strip()).isEqualTo(Files.readString(file).strip());
    }

    @Test
    void retroMaeIsOnePaperLinkedFromAndToAllFiveDays() throws IOException {
        Document paper = page("papers/" + RETRO_SLUG + "/index.html");
        assertThat(paper.selectFirst("h1").text()).startsWith("RetroMAE v2: Duplex Masked Auto-Encoder");
        List<String> dayLinks = paper.select(".listed .day-list a").eachAttr("href");
        assertThat(dayLinks).containsExactly(
                "../../days/2025-03-11/index.html#" + RETRO_SLUG, "../../days/2025-03-13/index.html#" + RETRO_SLUG,
                "../../days/2025-03-14/index.html#" + RETRO_SLUG, "../../days/2025-08-07/index.html#" + RETRO_SLUG,
                "../../days/2025-08-20/index.html#" + RETRO_SLUG);
        assertThat(paper.select(".first-seen").text()).isEqualTo("First seen on Tuesday, March 11, 2025");
        assertThat(paper.select(".also a")).hasSize(4);

        for (String day : List.of("2025-03-11", "2025-03-13", "2025-03-14", "2025-08-07", "2025-08-20")) {
            Document d = page("days/" + day + "/index.html");
            Element listing = d.getElementById(RETRO_SLUG);
            assertThat(listing).as(day).isNotNull();
            assertThat(listing.select(".listing-title a").attr("href")).isEqualTo("../../papers/" + RETRO_SLUG + "/index.html");
            boolean first = day.equals("2025-03-11");
            assertThat(listing.select(".mark").text()).isEqualTo(first ? "new" : "seen before");
            assertThat(listing.hasClass(first ? "is-new" : "is-seen")).isTrue();
        }
        Document last = page("days/2025-08-20/index.html");
        assertThat(last.getElementById(RETRO_SLUG).select(".seen-on a")).extracting(Element::text)
                .containsExactly("Mar 11, 2025", "Mar 13, 2025", "Mar 14, 2025", "Aug 7, 2025");
    }

    @Test
    void dayPageHasCountsAndNavigation() throws IOException {
        Document d = page("days/2025-03-13/index.html");
        assertThat(d.select(".counts").first().text()).isEqualTo("65 papers · 55 new · 10 seen before");
        assertThat(d.select(".listing")).hasSize(65);
        assertThat(d.select(".mark-new")).hasSize(55);
        assertThat(d.select("a[rel=prev]").first().attr("href")).isEqualTo("../../days/2025-03-11/index.html");
        assertThat(d.select("a[rel=next]").first().attr("href")).isEqualTo("../../days/2025-03-14/index.html");
        assertThat(page("days/2025-03-11/index.html").select("a[rel=prev]")).isEmpty();
    }

    @Test
    void homeShowsTheLatestDayFirstThenRecentDays() throws IOException {
        Document home = page("index.html");
        assertThat(home.select(".day-head h2").text()).isEqualTo("Wednesday, August 20, 2025");
        assertThat(home.select(".recent .day-list a")).extracting(Element::text).containsExactly(
                "Wednesday, August 20, 2025", "Thursday, August 7, 2025", "Friday, March 14, 2025",
                "Thursday, March 13, 2025", "Tuesday, March 11, 2025");
    }

    @Test
    void archiveGroupsDaysByMonthWithCounts() throws IOException {
        Document a = page("archive/2025/index.html");
        assertThat(a.select(".month h2")).extracting(Element::ownText).containsExactly("August 2025", "March 2025");
        assertThat(a.select(".month").get(1).select("td.has-listings a").last().attr("title"))
                .isEqualTo("Friday, March 14, 2025: 54 papers, 47 new");
    }

    @Test
    void latexDebrisIsShownCleanly() throws IOException {
        String all = String.join("\n", readAll("papers"));
        assertThat(all.contains("textbf{")).as("textbf{ debris").isFalse();
        assertThat(all.contains("\\%")).as("\\% debris").isFalse();
        assertThat(all).contains("we propose Finetuning-aligned Sequential Training", "only 1% storage");
    }

    @Test
    void everyInternalLinkResolves() throws IOException {
        Map<String, String> broken = new TreeMap<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(f.toFile(), "UTF-8");
                for (Element e : doc.select("a[href], link[href], script[src], img[src]")) {
                    String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (ref.matches("^[a-z]+:.*") || ref.startsWith("#")) continue;
                    String path = ref.replaceFirst("[#?].*$", "");
                    checked++;
                    Path target = f.getParent().resolve(path).normalize();
                    if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                        broken.put(site.relativize(f) + " -> " + ref, "missing");
                    }
                    if (ref.contains("#") && Files.isRegularFile(target)) {
                        String id = ref.substring(ref.indexOf('#') + 1);
                        if (Jsoup.parse(target.toFile(), "UTF-8").getElementById(id) == null) {
                            broken.put(site.relativize(f) + " -> " + ref, "no such anchor");
                        }
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void allLinksAreRelative() throws IOException {
        // The 404 page resolves its relative links against the base URL, or "/" without one (checked in SiteChecksTest).
        for (String html : readAll("").stream().map(h -> h.replaceFirst("<base href=\"[^\"]*\">", "")).toList()) {
            assertThat(html).doesNotContain("href=\"/").doesNotContain("src=\"/");
        }
    }

    static List<String> readAll(String dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site.resolve(dir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                out.add(Files.readString(f));
            }
        }
        return out;
    }
}
