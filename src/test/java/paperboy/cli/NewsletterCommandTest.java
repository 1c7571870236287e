package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy newsletter} and what {@code build} adds for feeds and editions, through the command line. */
class NewsletterCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheLatestDayByDefaultAndTheSameBytesAsTheBuild() throws Exception {
        Path site = tmp.resolve("site");
        assertThat(run("newsletter", "--out", site.toString())).as(err.toString()).isZero();
        assertThat(names(site.resolve("newsletter"))).containsExactly("2025-08-20.eml", "2025-08-20.html", "2025-08-20.txt");
        assertThat(out.toString()).contains("Paper Digest — Aug 20:");
        Path built = tmp.resolve("built");
        assertThat(run("build", "--out", built.toString())).as(err.toString()).isZero();
        for (String f : names(site.resolve("newsletter"))) {
            assertThat(Files.readAllBytes(site.resolve("newsletter").resolve(f)))
                    .as(f).isEqualTo(Files.readAllBytes(built.resolve("newsletter").resolve(f)));
        }
    }

    @Test
    void editionsAreReadableByAWebServer() throws Exception {
        Path site = tmp.resolve("site");
        assertThat(run("newsletter", "--out", site.toString())).as(err.toString()).isZero();
        for (String f : names(site.resolve("newsletter"))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(site.resolve("newsletter").resolve(f)))).as(f).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void theDayNoteOpensThatDaysEditionInBothParts() throws Exception {
        Path site = tmp.resolve("site");
        assertThat(run("newsletter", "--all", "--out", site.toString())).as(err.toString()).isZero();
        Path dir = site.resolve("newsletter");
        Document html = Jsoup.parse(Files.readString(dir.resolve("2025-03-14.html")));
        assertThat(html.body().text()).contains("Editor's note Interpretability has a good day");
        assertThat(html.select("strong").text()).isEqualTo("sparse autoencoders"); // the note's Markdown, as HTML
        assertThat(html.select("style")).isEmpty(); // its styles inlined like the rest
        String text = Files.readString(dir.resolve("2025-03-14.txt"));
        assertThat(text).contains("EDITOR'S NOTE").contains("Interpretability has a good day: sparse autoencoders");
        assertThat(text.indexOf("EDITOR'S NOTE")).isLessThan(text.indexOf("NEW TODAY"));
        assertThat(Files.readString(dir.resolve("2025-03-13.html"))).doesNotContain("Editor's note");
    }

    @Test
    void dateAndAll() throws Exception {
        Path site = tmp.resolve("site");
        assertThat(run("newsletter", "--date", "2025-03-13", "--out", site.toString())).isZero();
        assertThat(names(site.resolve("newsletter"))).containsExactly("2025-03-13.eml", "2025-03-13.html", "2025-03-13.txt");
        assertThat(run("newsletter", "--all", "--out", site.toString())).isZero();
        assertThat(names(site.resolve("newsletter"))).hasSize(15);
        assertThat(run("newsletter", "--all", "--date", "2025-03-13")).isNotZero();
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void withoutBaseUrlTheNewsletterIsAnErrorAndTheBuildWarnsOnce() throws Exception {
        Path config = tmp.resolve("plain.yml");
        Files.writeString(config, "title: Paper Digest\nyear: 2025\n");
        assertThat(run("newsletter", "--config", config.toString(), "--out", tmp.resolve("a").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("set baseUrl in paperboy.yml or pass --base-url");

        StringWriter buildErr = new StringWriter();
        Path site = tmp.resolve("site");
        int code = Main.run(new String[] {"build", "--config", config.toString(), "--out", site.toString()},
                new PrintWriter(out), new PrintWriter(buildErr));
        assertThat(code).isZero();
        assertThat(buildErr.toString().lines().filter(l -> l.contains("skipped"))).containsExactly(
                "paperboy.yml: warning: feeds and e-mail editions skipped: set baseUrl in paperboy.yml or pass --base-url");
        assertThat(site.resolve("feed.xml")).doesNotExist();
        assertThat(site.resolve("newsletter")).doesNotExist();
        Document home = Jsoup.parse(site.resolve("index.html").toFile());
        assertThat(home.select("link[rel=alternate]")).isEmpty();
        assertThat(home.select("a:containsOwn(E-mail edition)")).isEmpty();
    }

    @Test
    void everyPageAdvertisesTheFeedsAndEveryDayPageLinksToItsEdition() throws Exception {
        Path site = tmp.resolve("site");
        assertThat(run("build", "--out", site.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("skipped");
        for (String feed : List.of("feed.xml", "atom.xml", "feed.json")) assertThat(site.resolve(feed)).isRegularFile();
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html") && !p.startsWith(site.resolve("newsletter"))).toList();
        }
        assertThat(pages).hasSizeGreaterThan(200);
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile());
            // Every page advertises the three site feeds; a theme's own pages list that theme's three first.
            boolean themePage = site.relativize(page).startsWith("themes") && !page.endsWith("themes/index.html");
            assertThat(doc.select("head link[rel=alternate]")).as(page.toString()).hasSize(themePage ? 6 : 3);
            assertThat(doc.select("head link[rel=alternate]").eachAttr("href")).as(page.toString())
                    .anyMatch(h -> h.endsWith("feed.xml") && !h.contains("themes/"));
            for (var link : doc.select("head link[rel=alternate]")) {
                assertThat(page.getParent().resolve(link.attr("href")).normalize()).as(link.attr("href")).isRegularFile();
            }
        }
        Document day = Jsoup.parse(site.resolve("days/2025-03-14/index.html").toFile());
        String edition = day.select("a:containsOwn(E-mail edition)").attr("href");
        assertThat(edition).isEqualTo("../../newsletter/2025-03-14.html");
        assertThat(site.resolve("days/2025-03-14").resolve(edition).normalize()).isRegularFile();
    }
}
