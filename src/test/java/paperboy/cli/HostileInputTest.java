package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.testing.SiteTrees;

/** Input written to break the build or its output gets a clear message at its line, and never reaches the site. */
class HostileInputTest {
    static final String ABSTRACT = BuildCommandTest.ABSTRACT;

    @TempDir
    Path tmp;

    Path content(String... nameThenText) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("content"));
        for (int i = 0; i < nameThenText.length; i += 2) {
            Path f = dir.resolve(nameThenText[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, nameThenText[i + 1]);
        }
        return dir;
    }

    Cli build(Path content, String... extra) {
        String[] base = {"build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                "--config", "paperboy.yml", "--themes", "off"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    /** A good site built from one text dump, to check that a failed build leaves it as it was. */
    Map<String, String> goodSite(Path content) throws IOException {
        Files.writeString(content.resolve("good.txt"), "Mar 12, 2025\n\nGood paper\n\n" + ABSTRACT + "\n");
        Cli r = build(content);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return SiteTrees.text(tmp.resolve("site"));
    }

    void refusedAndSiteKept(Cli r, Map<String, String> before) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(SiteTrees.text(tmp.resolve("site"))).isEqualTo(before);
    }

    @Test
    void aJsonFeedDateBeyondJavasYearsIsAnErrorAtItsItem() throws IOException {
        Path content = content();
        Map<String, String> before = goodSite(content);
        Files.writeString(content.resolve("f.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"F\",\n"
                + " \"items\": [\n"
                + "  {\"id\": \"1\", \"title\": \"Far\", \"content_text\": \"" + ABSTRACT + "\", \"date_published\": \"2025-03-14T09:00:00Z\"},\n"
                + "  {\"id\": \"2\", \"title\": \"Farther\", \"content_text\": \"" + ABSTRACT + "\", \"date_published\": \"+999999999-12-31T00:00:00Z\"}]}\n");
        Cli r = build(content);
        assertThat(r.err()).contains(content.resolve("f.json") + ":4:3: items[1]: \"date_published\": \"+999999999-12-31T00:00:00Z\""
                + " is out of range; a listing's year must be from 1900 to 2999");
        refusedAndSiteKept(r, before);
    }

    @Test
    void listingDatesOutsideTheYearsOfTheConfigAreErrorsAtTheirLineInEveryFormat() throws IOException {
        Path content = content();
        Map<String, String> before = goodSite(content);
        Files.writeString(content.resolve("x.json"), "{\"date\": \"0000-01-01\", \"papers\": [{\"paper\": {\"title\": \"Zero\", \"summary\": \""
                + ABSTRACT + "\"}}]}");
        Files.writeString(content.resolve("0001-01-01.json"), "[{\"paper\": {\"title\": \"One\", \"summary\": \"" + ABSTRACT + "\"}}]");
        Files.writeString(content.resolve("a.txt"), "new\n\nMar 13, 0001\n\nAlpha\n\n" + ABSTRACT + "\n");
        Files.writeString(content.resolve("c.html"), "<html><body>\n<time datetime=\"3000-01-01\"></time>\n<article><h3>Gamma</h3>"
                + "<p class=\"abstract\">" + ABSTRACT + "</p></article></body></html>");
        Cli r = build(content);
        String range = " is out of range; a listing's year must be from 1900 to 2999";
        assertThat(r.err()).contains(content.resolve("x.json") + ":1:2: \"date\": \"0000-01-01\"" + range)
                .contains(content.resolve("0001-01-01.json") + ":1: the date in the file name (0001-01-01)" + range)
                .contains(content.resolve("a.txt") + ":3: \"Mar 13, 0001\"" + range)
                .contains(content.resolve("c.html") + ":2:1: <time datetime=\"3000-01-01\">" + range);
        refusedAndSiteKept(r, before);
    }

    @Test
    void aStrayNulInTextIsRemovedWithAWarningAtItsLineButABinaryFileIsRefused() throws IOException {
        Path content = content("a.txt", "Mar 13, 2025\n\nAl\u0000pha\n\n" + ABSTRACT + "\n");
        Cli r = build(content);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(content.resolve("a.txt") + ":3: warning: removed a control character (U+0000)");
        assertThat(Files.readString(tmp.resolve("site/days/2025-03-13/index.html"))).contains(">Alpha<");

        Map<String, String> before = SiteTrees.text(tmp.resolve("site"));
        // A file zeroed past its first line (as a crash leaves one), and one that is not text at all.
        byte[] zeroed = new byte[400];
        System.arraycopy("Mar 14, 2025\n".getBytes(StandardCharsets.UTF_8), 0, zeroed, 0, 13);
        Files.write(content.resolve("b.txt"), zeroed);
        Files.write(content.resolve("c.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'});
        r = build(content);
        assertThat(r.err()).contains(content.resolve("b.txt") + ":2:1: binary file (NUL byte at byte 13, 387 NUL bytes in all), not a text listing")
                .contains(content.resolve("c.json") + ":3:1: binary file (NUL byte at byte 8, 3 NUL bytes in all), not a text listing");
        refusedAndSiteKept(r, before);
    }

    @Test
    void feedChannelDescriptionsReachReadersAsTextNotMarkup() throws Exception {
        String img = "<img src=x onerror=alert(35)>";
        Path content = content("a.txt", "Mar 13, 2025\n\nAlpha transformers\n\n" + ABSTRACT + "\n",
                "themes.yml", "themes:\n  - name: Transformers\n    slug: transformers\n    description: \"" + img
                        + "\"\n    keywords: [transformers]\n    papers: [\"Alpha transformers\"]\n");
        Path config = Files.writeString(tmp.resolve("p.yml"), "title: \"T " + img + "\"\ndescription: \"" + img
                + "\"\nyear: 2025\nbaseUrl: https://example.org/\n");
        Cli r = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                "--config", config.toString(), "--themes", "curated");
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String feed : new String[] {"feed.xml", "themes/transformers/feed.xml", "weeks/feed.xml"}) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("site").resolve(feed).toFile());
            var channel = (org.w3c.dom.Element) doc.getElementsByTagName("channel").item(0);
            String description = ((org.w3c.dom.Element) channel.getElementsByTagName("description").item(0)).getTextContent();
            // What a reader gets after XML is HTML that shows the tag as text.
            assertThat(description).as(feed).contains("&lt;img src=x onerror=alert(35)&gt;").doesNotContain("<img");
        }
    }

    @Test
    void aBadNewsletterAddressIsAnErrorAtItsLineInTheConfig() throws IOException {
        Path content = content();
        Map<String, String> before = goodSite(content);
        Path config = Files.writeString(tmp.resolve("p.yml"), """
                title: T
                year: 2025
                baseUrl: https://example.org/
                newsletter:
                  from: "Digest <<digest@example.org>"
                  to: reader@example.org, not an address
                """);
        Cli r = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                "--config", config.toString(), "--themes", "off");
        assertThat(r.err()).contains(config + ":5:9: newsletter.from: \"Digest <<digest@example.org>\" is not an e-mail address")
                .contains(config + ":6:7: newsletter.to: \"reader@example.org, not an address\" is not an e-mail address");
        refusedAndSiteKept(r, before);
    }

    @Test
    void aHugeTitleOrAuthorListIsCutWithAWarningAtItsEntry() throws IOException {
        String title = "Huge " + "title ".repeat(400_000);
        StringBuilder authors = new StringBuilder();
        for (int i = 0; i < 30_000; i++) authors.append(i == 0 ? "" : ", ").append("{\"name\": \"Author Number ").append(i).append("\"}");
        Path content = content("2025-03-13.json", "[\n{\"paper\": {\"id\": \"2503.00001\", \"title\": \"Fine\", \"summary\": \"" + ABSTRACT + "\"}},\n"
                + "{\"paper\": {\"id\": \"2503.00002\", \"title\": \"" + title + "\", \"summary\": \"" + ABSTRACT
                + "\", \"authors\": [" + authors + "]}}]");
        Cli r = build(content, "--base-url", "https://example.org/");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path file = content.resolve("2025-03-13.json");
        assertThat(r.err()).contains(file + ":3:1: warning: a title of 2,400,004 characters, cut to its first 1,000 (the most a title may have)")
                .contains(file + ":3:1: warning: an author list of 618,888 characters (30,000 names), cut to its first 10,052 names"
                        + " (at most 200,000 characters)");
        long siteBytes;
        try (Stream<Path> files = Files.walk(tmp.resolve("site"))) {
            siteBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(siteBytes).isLessThan(4L << 20); // uncut, a 10 MB title beside ten real days made a 220 MB site
        String data = Files.readString(tmp.resolve("site/data/days/2025-03-13.json"));
        assertThat(data).contains("\"" + title.substring(0, 999) + "…\"").contains("Author Number 10051\"")
                .doesNotContain("Author Number 10052\"");
    }

    @Test
    void controlCharactersInEveryFormatAreRemovedWithAWarningAndTheFeedsStayXml() throws Exception {
        Path content = content(
                "a.txt", "Mar 13, 2025\n\nAlpha\u0007 bell\n\n" + ABSTRACT + "\u001b[31m\n",
                "b.json", "{\"date\": \"2025-03-14\", \"papers\": [{\"paper\": {\"title\": \"Beta\\u0000 nul\", \"summary\": \""
                        + ABSTRACT + "\\u000c\"}}]}",
                "c.html", "<html><body><time datetime=\"2025-03-15\"></time><article><h3>Gamma&#0; &#7;ref</h3>"
                        + "<p class=\"abstract\">" + ABSTRACT + "&#x1B;</p></article></body></html>");
        Cli r = build(content);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(content.resolve("a.txt") + ":3: warning: removed 2 control characters (the first U+0007)")
                .contains(content.resolve("b.json") + ":1:35: warning: removed a control character (U+0000)")
                .contains(content.resolve("c.html") + ":1:57: warning: removed 2 control characters (the first U+0000)");
        Path site = tmp.resolve("site");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                assertThat(text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r').count())
                        .as(site.relativize(f).toString()).isZero();
            }
        }
        for (String feed : new String[] {"feed.xml", "atom.xml"}) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(site.resolve(feed).toFile()); // well-formed
        }
        assertThat(Files.readString(site.resolve("feed.xml"))).contains("Alpha bell").contains("Beta nul");
    }

    @Test
    void markdownNestedAThousandDeepIsAnErrorAtItsLine() throws IOException {
        Path content = content("a.txt", "Mar 13, 2025\n\nAlpha\n\n" + ABSTRACT + "\n",
                "notes/2025-03-13.md", "---\n---\nFine.\n\n" + "> ".repeat(1000) + "deep\n",
                "pages/about.md", "---\ntitle: About\n---\n" + "- ".repeat(1000) + "deep\n");
        Cli r = build(content);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(content.resolve("notes/2025-03-13.md") + ":5: Markdown nested 1000 levels deep")
                .contains(content.resolve("pages/about.md") + ":4: Markdown nested 1000 levels deep")
                .doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }

    @Test
    void utf16AndNumbersWhereTextBelongsAreSaidPlainly() throws IOException {
        Path content = content("b.json", "{\"date\": \"2025-03-14\", \"papers\": [{\"paper\": {\"title\": 12345}}]}",
                "d.json", "[".repeat(1500) + "]".repeat(1500));
        Files.write(content.resolve("c.txt"), "Mar 13, 2025\n\nAlpha\n".getBytes(StandardCharsets.UTF_16));
        Cli r = build(content);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(content.resolve("b.json") + ":1:35: papers[0]: \"title\" is a number, not text")
                .contains(content.resolve("c.txt") + ":1: UTF-16 text; paperboy reads UTF-8 only")
                .contains(content.resolve("d.json") + ":1: invalid JSON: nested too deeply")
                .doesNotContain("StreamReadConstraints").doesNotContain("REDACTED").doesNotContain("Feature");
    }

    @Test
    void warningsAreCappedPerFile() throws IOException {
        StringBuilder listing = new StringBuilder("{\"date\": \"2025-03-13\", \"papers\": [");
        for (int i = 0; i < 12; i++) {
            listing.append(i == 0 ? "" : ",\n").append("{\"paper\": {\"title\": \"Title\\u0007 ").append(i)
                    .append("\", \"summary\": \"").append(ABSTRACT).append("\"}}");
        }
        Path content = content("a.json", listing.append("]}").toString());
        Cli r = build(content);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("removed a control character"))).hasSize(5);
        assertThat(r.err()).contains(content.resolve("a.json") + ": ... and 7 more warnings in this file");
        assertThat(r.out()).contains("12 warnings");
    }

    @Test
    void configValuesOutOfRangeAreErrorsAtTheirLine() throws IOException {
        Path content = content("a.txt", "Mar 13, 2025\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path config = Files.writeString(tmp.resolve("p.yml"), """
                title: T
                year: 0
                recentDays: -5
                feeds:
                  maxItems: 99999999999
                newsletter:
                  unsubscribeUrl: javascript:alert(1)
                """);
        Cli r = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(config + ":2:7: year: 0 is out of range; it must be from 1900 to 2999")
                .contains(config + ":3:13: recentDays: -5 is out of range; it must be from 1 to 3650")
                .contains(config + ":5:13: maxItems: 99999999999 is too large a number")
                .contains(config + ":7:19: unsubscribeUrl: \"javascript:alert(1)\" must be an https: link or a mailto: address");
        assertThat(tmp.resolve("site")).doesNotExist();
    }

    @Test
    void aBadDateOptionIsOneLineAndExitCode2() {
        Cli r = Cli.run("newsletter", "--date", "2025-13-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: Invalid value for option '--date': \"2025-13-01\" is not a date;"
                + " write it as YYYY-MM-DD (e.g. 2025-03-14)\n(see 'paperboy newsletter --help')");
    }

    @Test
    void oversizedListingsAndDaysAreRefusedWithTheirLimit() throws IOException {
        StringBuilder day = new StringBuilder("Mar 13, 2025\n\n");
        for (int i = 0; i < 2001; i++) day.append("Paper number ").append(i).append("\n\n").append(ABSTRACT).append("\n\n");
        Path content = content("a.txt", day.toString());
        Cli r = build(content);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(content.resolve("a.txt") + ": 2,001 papers listed for 2025-03-13; a day may have at most 2,000");
    }

    @Test
    void aDayTooLargeForOneEmailIsCutWithACountOfTheRest() throws IOException {
        StringBuilder day = new StringBuilder("Mar 13, 2025\n\n");
        for (int i = 0; i < 250; i++) {
            day.append("Paper number ").append(i).append(" on a subject of its own\n\n").append("Variant ").append(i)
                    .append(" of a study. ").append(ABSTRACT.repeat(4)).append("\n\n");
        }
        Cli r = build(content("a.txt", day.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("250 papers");
        Path html = tmp.resolve("site/newsletter/2025-03-13.html");
        assertThat(Files.size(html)).isLessThanOrEqualTo(100 * 1024);
        String text = Files.readString(html);
        assertThat(text).containsPattern("… and \\d+ more on <a href=\"[^\"]+/days/2025-03-13/\"[^>]*>the site</a>")
                .contains("Paper number 0 on a subject");
        int shown = text.split("Paper number ", -1).length - 1;
        assertThat(text).contains("and " + (250 - shown) + " more");
        assertThat(Files.readString(tmp.resolve("site/newsletter/2025-03-13.txt"))).contains("... and " + (250 - shown) + " more on the site");
    }
}
