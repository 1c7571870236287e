package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
