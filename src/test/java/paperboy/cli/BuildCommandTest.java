package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import paperboy.assemble.ThemeAssigner;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.problems.Problems;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build command as a user meets it: exit codes, messages, atomic output, determinism. */
class BuildCommandTest {
    static final String ABSTRACT = "We study a thing. It works well in experiments and we release the code.";

    @TempDir
    Path tmp;

    Path content(String... nameThenText) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("content"));
        for (int i = 0; i < nameThenText.length; i += 2) {
            Files.writeString(dir.resolve(nameThenText[i]), nameThenText[i + 1]);
        }
        return dir;
    }

    Cli build(Path content, Path out, String... extra) {
        String[] base = {"build", "--content", content.toString(), "--out", out.toString(), "--config",
                Path.of("paperboy.yml").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    @Test
    void twoBuildsAreByteIdentical() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertThat(build(Path.of("content"), a).exitCode()).isZero();
        assertThat(build(Path.of("content"), b).exitCode()).isZero();
        Map<String, byte[]> first = snapshot(a), second = snapshot(b);
        assertThat(first.keySet()).isEqualTo(second.keySet()).hasSizeGreaterThan(200);
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void rebuildingWritesOnlyWhatChanged() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path out = tmp.resolve("site");
        assertThat(build(content, out).out()).contains("written, 0 unchanged");
        Cli again = build(content, out);
        assertThat(again.out()).contains("(0 written, ");
    }

    @Test
    void badInputLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path out = tmp.resolve("site");
        assertThat(build(content, out).exitCode()).isZero();
        Map<String, byte[]> before = snapshot(out);

        Files.writeString(content.resolve("b.txt"), "new\n\nSubscribe\n\nFeb 30\n\nBeta\n\n" + ABSTRACT + "\n");
        Cli r = build(content, out);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(content.resolve("b.txt") + ":5: \"Feb 30\" is not a date")
                .contains("was left as it was").doesNotContain("Exception").doesNotContain("\tat ");
        Map<String, byte[]> after = snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
        }
    }

    @Test
    void everyProblemOfARunIsReportedNotJustTheFirst() throws IOException {
        Path content = content(
                "a.txt", "Feb 30\n\nAlpha\n\n" + ABSTRACT + "\n",
                "b.txt", "no date here\n\nBeta\n",
                "c.bin", "x");
        Files.write(content.resolve("d.txt"), "Mar 13\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli r = build(content, tmp.resolve("site"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).contains(
                content.resolve("a.txt") + ":1: \"Feb 30\" is not a date",
                content.resolve("c.bin") + ": warning: skipped: not a listing (*.txt, *.json, *.html)");
        assertThat(r.err()).contains(content.resolve("b.txt") + ":1: no date line")
                .contains(content.resolve("d.txt") + ":2:4: not UTF-8: byte 0xE9");
        assertThat(Files.exists(tmp.resolve("site"))).isFalse();
    }

    @Test
    void verboseShowsTheStackTrace() throws IOException {
        Path content = content("a.txt", "Feb 30\n\nAlpha\n\n" + ABSTRACT + "\n");
        Cli r = build(content, tmp.resolve("site"), "--verbose");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("paperboy.build.BuildFailed").contains("\tat ");
    }

    @Test
    void noYearAnywhereStopsTheBuildWithAFix() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path emptyConfig = Files.writeString(tmp.resolve("empty.yml"), "title: T\n");
        Cli r = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                "--config", emptyConfig.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(":1: \"Mar 13\" has no year").contains("--year");
        Cli withYear = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                "--config", emptyConfig.toString(), "--year", "2024");
        assertThat(withYear.exitCode()).as(withYear.err()).isZero();
        assertThat(tmp.resolve("site/days/2024-03-13/index.html")).exists();
    }

    @Test
    void inputTextIsEscaped() throws IOException {
        Path content = content("a.txt", "Mar 13\n\n<script>alert(1)</script> & \"Friends\"\n\nAbstract with <b>tags</b>. It has two sentences.\n");
        Path out = tmp.resolve("site");
        assertThat(build(content, out).exitCode()).isZero();
        String html = Files.readString(out.resolve("days/2025-03-13/index.html"));
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Friends&quot;");
        Document d = Jsoup.parse(html);
        // The only script is the site's own, from assets/: nothing from the input.
        assertThat(d.select("script").eachAttr("src")).containsExactly("../../assets/site.js");
        assertThat(d.select("script").html()).isEmpty();
        assertThat(d.select(".listing-title").text()).isEqualTo("<script>alert(1)</script> & \"Friends\"");
        assertThat(d.select(".abstract p").text()).isEqualTo("Abstract with <b>tags</b>. It has two sentences.");
    }

    @Test
    void warningsAreReportedAndTheBuildSucceeds() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n\nAlpha\n\n" + ABSTRACT + "\n\nLonely\n");
        Cli r = build(content, tmp.resolve("site"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains(content.resolve("a.txt") + ":7: warning: \"Alpha\" is listed twice in this file")
                .contains(content.resolve("a.txt") + ":11: warning: title without an abstract: \"Lonely\"");
        assertThat(r.out()).contains("1 day, 2 listings, 2 papers").contains("2 warnings");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(Cli.run("build", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(Cli.run().exitCode()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Cli help = Cli.run("build", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--content", "--out", "--config", "--year", "--verbose");
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("paperboy ");
    }

    @Test
    void unknownConfigKeyIsAnErrorWithItsLine() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("bad.yml"), "title: T\nyaer: 2025\n");
        Cli r = Cli.run("build", "--config", cfg.toString(), "--out", tmp.resolve("site").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(cfg + ":2:1: unknown key \"yaer\"");
    }

    @Test
    void yamlErrorsAreOneLineWithTheirPosition() throws IOException {
        Path content = content("a.txt", "Mar 13, 2025\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path cfg = tmp.resolve("paperboy.yml");
        Files.writeString(cfg, "title: x\nyear: [2025]\n");
        Cli r = Cli.run("build", "--content", content.toString(), "--config", cfg.toString(), "--out", tmp.resolve("site").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(cfg + ":2:7: expected a number here").doesNotContain("java.lang");

        Files.writeString(cfg, "year: 2025\ntitle: \"unclosed\n");
        r = Cli.run("build", "--content", content.toString(), "--config", cfg.toString(), "--out", tmp.resolve("site").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith(cfg.toString()))).singleElement().asString()
                .contains("while scanning a quoted scalar: found unexpected end of stream");
        assertThat(r.err().lines()).hasSize(1);

        Files.createDirectories(content.resolve("pages"));
        Files.writeString(content.resolve("pages/p.md"), "---\ntitle: \"unclosed\n---\nText\n");
        r = build(content, tmp.resolve("site"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(content.resolve("pages/p.md") + ":2:").contains("front matter: while scanning a quoted scalar: ")
                .doesNotContain("in 'reader'");
    }

    @Test
    void refusesToReplaceAFolderThatIsNotASite() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Cli r = build(content, project);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: --out " + project + ": ").contains("not made by paperboy");
        assertThat(project.resolve("pom.xml")).hasContent("<project/>");
    }

    @Test
    void refusesAnOutputFolderThatIsOrHoldsTheContent() throws IOException {
        Path content = content("a.txt", "Mar 13, 2025\n\nAlpha\n\n" + ABSTRACT + "\n");
        for (Path out : new Path[] {content, tmp, content.resolve("site")}) {
            Cli r = build(content, out);
            assertThat(r.exitCode()).as("--out " + out).isEqualTo(2);
            assertThat(r.err()).contains("error: --out " + out + ": ").contains("content folder");
            assertThat(content.resolve("a.txt")).as("--out " + out).exists();
        }
        assertThat(content.resolve("site")).doesNotExist();
    }

    @Test
    void templateErrorNamesTheTemplateLine() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path templates = tmp.resolve("templates");
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            Files.createDirectories(templates);
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, templates.resolve(f.getFileName()));
        }
        Files.writeString(templates.resolve("404.ftlh"), "<p>fine</p>\n${page.noSuchField}\n");
        Cli r = build(content, tmp.resolve("site"), "--templates", templates.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("templates/404.ftlh:2: ").contains("noSuchField").doesNotContain("\tat ");
    }

    @Test
    void theSiteIsReadableByAWebServer() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path out = tmp.resolve("site");
        assertThat(build(content, out).exitCode()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void aTemplatesFolderOverridesTheBuiltInTemplatesFileByFile() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Path templates = Files.createDirectories(tmp.resolve("templates").resolve("assets"));
        Files.writeString(templates.resolve("favicon.svg"), "<svg/>\n");
        Files.writeString(tmp.resolve("templates").resolve("404.ftlh"), "<p>Gone fishing</p>\n");
        Path out = tmp.resolve("site");
        assertThat(build(content, out, "--templates", tmp.resolve("templates").toString()).exitCode()).isZero();
        assertThat(Files.readString(out.resolve("404.html"))).isEqualTo("<p>Gone fishing</p>\n");
        assertThat(Files.readString(out.resolve("assets/favicon.svg"))).isEqualTo("<svg/>\n");
        assertThat(Files.readString(out.resolve("index.html"))).contains("<nav");
        assertThat(out.resolve("assets/style.css")).hasSameBinaryContentAs(Path.of("templates/assets/style.css"));
    }

    @Test
    void withoutATemplatesFolderTheBuiltInTemplatesMakeTheSameSite() throws Exception {
        SiteConfig config = ConfigLoader.load(Path.of("paperboy.yml"), true, new Problems()).orElseThrow();
        Path withFolder = tmp.resolve("with"), without = tmp.resolve("without");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(Path.of("content"), withFolder,
                Path.of("templates"), config, ThemeAssigner.none()));
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(Path.of("content"), without,
                tmp.resolve("no-templates-here"), config, ThemeAssigner.none()));
        Map<String, byte[]> a = snapshot(withFolder), b = snapshot(without);
        assertThat(b.keySet()).isEqualTo(a.keySet()).contains("index.html", "assets/style.css", "feed.xml");
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void aTemplatesFolderNamedButMissingIsAnError() throws IOException {
        Path content = content("a.txt", "Mar 13\n\nAlpha\n\n" + ABSTRACT + "\n");
        Cli r = build(content, tmp.resolve("site"), "--templates", tmp.resolve("none").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--templates " + tmp.resolve("none") + ": no such folder");
    }
}
