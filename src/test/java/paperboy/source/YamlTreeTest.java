package paperboy.source;

import paperboy.problems.Problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;

/** paperboy.yml, themes.yml and front matter share one YAML reader: values typed, every problem at its place. */
class YamlTreeTest {
    @TempDir
    Path tmp;

    private final Problems problems = new Problems();

    private List<String> messages() {
        return problems.sorted().stream().map(p -> p.where().toString().replace(tmp + "/", "") + ": " + p.message()).toList();
    }

    private SiteConfig config(String yaml) throws Exception {
        Path f = tmp.resolve("paperboy.yml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f, true, problems).orElse(null);
    }

    @Test
    void readsEveryKeyOfTheConfig() throws Exception {
        SiteConfig c = config("""
                title: My digest
                description: "Papers, daily"
                baseUrl: https://example.org/d
                year: 2024
                timeZone: Europe/Berlin
                recentDays: 7
                themes: {mode: auto, minThemes: 3, maxThemes: 9}
                feeds:
                  maxItems: 50
                newsletter:
                  from: A <a@example.org>
                  to: b@example.org
                  unsubscribeUrl: https://example.org/u
                markdown:
                  safelist: basic
                """);
        assertThat(messages()).isEmpty();
        assertThat(c.title()).isEqualTo("My digest");
        assertThat(c.description()).isEqualTo("Papers, daily");
        assertThat(c.baseUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://example.org/d/"));
        assertThat(c.year()).hasValue(2024);
        assertThat(c.timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(c.recentDays()).isEqualTo(7);
        assertThat(c.themes().mode()).isEqualTo("auto");
        assertThat(c.themes().minThemes()).isEqualTo(3);
        assertThat(c.themes().maxThemes()).isEqualTo(9);
        assertThat(c.feeds().maxItems()).isEqualTo(50);
        assertThat(c.newsletter().to()).isEqualTo("b@example.org");
        assertThat(c.newsletter().unsubscribeUrl()).isEqualTo("https://example.org/u");
        assertThat(c.markdown().safelist()).isEqualTo("basic");
    }

    @Test
    void missingSectionsAndKeysTakeTheDefaults() throws Exception {
        SiteConfig c = config("title: x\nthemes:\n  mode: off\nfeeds:\n");
        assertThat(messages()).isEmpty();
        assertThat(c.themes().mode()).isEqualTo("off"); // a plain scalar stays text, not YAML 1.1 false
        assertThat(c.themes().maxThemes()).isEqualTo(SiteConfig.defaults().themes().maxThemes());
        assertThat(c.feeds().maxItems()).isEqualTo(200);
        assertThat(config("")).isEqualTo(SiteConfig.defaults());
        assertThat(config("# only a comment\n")).isEqualTo(SiteConfig.defaults());
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() throws Exception {
        assertThat(config("""
                title: [a, b]
                year: twenty
                themes:
                  mode: auto
                  colour: red
                feeds: 12
                title: again
                """)).isNull();
        assertThat(messages()).containsExactly(
                "paperboy.yml:1:8: expected text here",
                "paperboy.yml:2:7: expected a number here",
                "paperboy.yml:5:3: unknown key \"themes.colour\"; known keys: embeddings, maxThemes, minThemes, mode",
                "paperboy.yml:6:8: expected a mapping (key: value lines) here",
                "paperboy.yml:7:1: duplicate key \"title\" (first on line 1)");
    }

    @Test
    void aConfigThatIsNotAMappingSaysSo() throws Exception {
        assertThat(config("- a\n- b\n")).isNull();
        assertThat(messages()).containsExactly("paperboy.yml:1:1: expected a mapping (key: value lines) here");
    }

    @Test
    void frontMatterLinesCountFromTheFile() {
        var root = YamlTree.read(Path.of("p.md"), "title: x\ndraft: maybe\n", 2, "front matter: ", problems);
        var m = (YamlTree.Mapping) root.orElseThrow();
        assertThat(YamlTree.bool(m, "draft", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.where()).hasToString("p.md:3:8");
            assertThat(p.message()).isEqualTo("expected true or false here");
        });
        assertThat(m.keys().get("title")).hasToString("p.md:2:1");
    }

    @Test
    void secondDocumentsAndAliasesAreErrorsNotSilentlyDropped() throws Exception {
        assertThat(config("title: a\n---\ndescription: b\n")).isNull();
        assertThat(messages()).singleElement().asString()
                .startsWith("paperboy.yml:3:1:").contains("a second YAML document");
        Problems aliases = new Problems();
        var root = YamlTree.read(Path.of("t.yml"), "a: &x one\nb: *x\n", 1, "", aliases);
        assertThat(root).isPresent();
        assertThat(aliases.sorted()).singleElement()
                .satisfies(p -> assertThat(p.where()).hasToString("t.yml:2:4"))
                .satisfies(p -> assertThat(p.message()).contains("aliases (*x) are not supported"));
    }

    @Test
    void aSyntaxErrorIsReportedWhereTheProblemIs() {
        YamlTree.read(Path.of("p.md"), "title: x\ndraft: \"unclosed\nmore: 1\n", 2, "front matter: ", problems);
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.where().file()).isEqualTo(Path.of("p.md"));
            assertThat(p.where().line()).isEqualTo(5); // the end of the front matter, where the quote is still open
            assertThat(p.message()).startsWith("front matter: while scanning a quoted scalar");
        });
    }

    @Test
    void aConfigIsReadAsListingsAreWithOrWithoutAByteOrderMark() throws Exception {
        assertThat(config("\uFEFFtitle: With a BOM\r\nyear: 2024\r\n").title()).isEqualTo("With a BOM");
        assertThat(messages()).isEmpty();
        Path f = tmp.resolve("paperboy.yml");
        java.nio.file.Files.write(f, "title: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(ConfigLoader.load(f, true, problems)).isEmpty();
        assertThat(messages()).singleElement().asString().startsWith("paperboy.yml:1:");
    }
}
