package paperboy.themes.curated;

import paperboy.themes.text.TermAnalyzer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import paperboy.assemble.Slugs;
import paperboy.model.SourceRef;
import paperboy.source.DecodedText;
import paperboy.problems.Problems;
import paperboy.source.YamlTree;
import paperboy.problems.Severity;

/**
 * Reads {@code content/themes.yml}. Every mistake is reported as {@code content/themes.yml:LINE: what is wrong},
 * all of them in one run. The file's shape:
 *
 * <pre>
 * themes:
 *   - name: In-Context Learning          # required
 *     slug: in-context-learning          # optional, made from the name
 *     description: One or two sentences. # optional
 *     keywords: [in-context learning, few-shot demonstrations]
 *     papers: ["Transformers learn in-context by gradient descent"]   # pinned titles
 * </pre>
 */
public final class TaxonomyLoader {
    public static final String FILE_NAME = "themes.yml";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> THEME_KEYS = Set.of("name", "slug", "description", "keywords", "papers");

    private final TermAnalyzer analyzer;

    public TaxonomyLoader(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Empty when the file does not exist, or (after reporting to {@code problems}) when it has errors. */
    public Optional<Taxonomy> load(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Optional<String> read = DecodedText.read(file, problems);
        if (read.isEmpty()) return Optional.empty();
        String text = read.get();
        long syntaxBefore = problems.count(Severity.ERROR);
        Optional<YamlTree.Node> parsed = YamlTree.read(file, text, 1, "not valid YAML: ", problems);
        if (problems.count(Severity.ERROR) > syntaxBefore) return Optional.empty();
        if (parsed.isEmpty()) {
            problems.error(SourceRef.file(file), "empty file; expected \"themes:\" followed by a list of themes");
            return Optional.empty();
        }
        YamlTree.Node root = parsed.get();
        long errorsBefore = problems.count(Severity.ERROR);
        List<Taxonomy.Entry> entries = entries(root, file, problems);
        if (problems.count(Severity.ERROR) > errorsBefore) return Optional.empty();
        return Optional.of(new Taxonomy(file, entries));
    }

    private List<Taxonomy.Entry> entries(YamlTree.Node root, Path file, Problems problems) {
        List<Taxonomy.Entry> out = new ArrayList<>();
        if (!(root instanceof YamlTree.Mapping m) || !(m.entries().get("themes") instanceof YamlTree.Sequence list)) {
            problems.error(line(root.at()), "expected \"themes:\" followed by a list of themes");
            return out;
        }
        for (var key : m.keys().entrySet()) {
            if (!key.getKey().equals("themes")) problems.error(line(key.getValue()), "unknown key \"" + key.getKey() + "\"; known keys: themes");
        }
        Set<String> slugs = new HashSet<>();
        for (YamlTree.Node item : list.items()) {
            SourceRef at = line(item.at());
            if (!(item instanceof YamlTree.Mapping t)) {
                problems.error(at, "a theme is a mapping with name, keywords and/or papers");
                continue;
            }
            for (var k : t.keys().entrySet()) {
                String key = k.getKey();
                if (!THEME_KEYS.contains(key)) {
                    problems.error(line(k.getValue()), "unknown key \"" + key
                            + "\"; known keys: description, keywords, name, papers, slug");
                }
            }
            Optional<String> name = text(t, "name", file, problems);
            if (name.isEmpty() || name.get().isBlank()) {
                problems.error(at, "a theme needs a name");
                continue;
            }
            String slug = text(t, "slug", file, problems).orElse(Slugs.base(name.get()));
            SourceRef slugAt = line(t.keys().getOrDefault("slug", item.at()));
            if (!SLUG.matcher(slug).matches()) {
                problems.error(slugAt, "slug \"" + slug + "\" must be lower-case letters, digits and single dashes");
            } else if (slug.equals(Taxonomy.OTHER_SLUG)) {
                problems.error(slugAt, "slug \"other\" is reserved for papers that fit no theme");
            } else if (!slugs.add(slug)) {
                problems.error(slugAt, "slug \"" + slug + "\" is used by an earlier theme");
            }
            String description = text(t, "description", file, problems).orElse("");
            long errorsBefore = problems.count(Severity.ERROR);
            List<YamlTree.Scalar> keywords = list(t, "keywords", file, problems);
            for (YamlTree.Scalar k : keywords) {
                if (CuratedMatcher.glued(analyzer, k.text()).isEmpty()) {
                    problems.error(line(k.at()), "keyword \"" + k.text()
                            + "\" has no words left to match after removing stop words and numbers");
                }
            }
            List<YamlTree.Scalar> papers = list(t, "papers", file, problems);
            boolean listsOk = problems.count(Severity.ERROR) == errorsBefore; // one mistake, one message
            if (keywords.isEmpty() && papers.isEmpty() && listsOk) {
                problems.error(at, "theme \"" + name.get() + "\" needs keywords or papers, or it matches nothing");
            }
            out.add(new Taxonomy.Entry(slug, name.get().strip(), description.strip(),
                    keywords.stream().map(YamlTree.Scalar::text).toList(),
                    papers.stream().map(s -> new Taxonomy.Pin(s.text(), line(s.at()))).toList(), at));
        }
        if (list.items().isEmpty()) problems.error(line(list.at()), "the list of themes is empty");
        return out;
    }

    private static Optional<String> text(YamlTree.Mapping m, String key, Path file, Problems problems) {
        YamlTree.Node n = m.entries().get(key);
        if (n == null) return Optional.empty();
        if (n instanceof YamlTree.Scalar s && s.text() != null) return Optional.of(s.text());
        problems.error(line(n.at()), key + ": expected text");
        return Optional.empty();
    }

    private static List<YamlTree.Scalar> list(YamlTree.Mapping m, String key, Path file, Problems problems) {
        YamlTree.Node n = m.entries().get(key);
        if (n == null) return List.of();
        if (!(n instanceof YamlTree.Sequence seq)) {
            problems.error(line(n.at()), key + ": expected a list, e.g. [first, second]");
            return List.of();
        }
        List<YamlTree.Scalar> out = new ArrayList<>();
        for (YamlTree.Node item : seq.items()) {
            if (item instanceof YamlTree.Scalar s && s.text() != null && !s.text().isBlank()) out.add(s);
            else problems.error(line(item.at()), key + ": every item must be non-empty text");
        }
        return out;
    }

    /** themes.yml problems name the line only, as its tests and users read them. */
    private static SourceRef line(SourceRef at) {
        return SourceRef.of(at.file(), at.line());
    }
}
