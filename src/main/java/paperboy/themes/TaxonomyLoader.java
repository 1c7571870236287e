package paperboy.themes;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import paperboy.assemble.Slugs;
import paperboy.model.SourceRef;
import paperboy.parse.Problems;
import paperboy.parse.Severity;

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
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> THEME_KEYS = Set.of("name", "slug", "description", "keywords", "papers");

    private final TermAnalyzer analyzer;

    public TaxonomyLoader(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A YAML value with the line it starts on. */
    private sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    private record Scalar(String text, int line) implements Node {}

    private record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {}

    private record Sequence(List<Node> items, int line) implements Node {}

    /** Empty when the file does not exist, or (after reporting to {@code problems}) when it has errors. */
    public Optional<Taxonomy> load(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Node root;
        try (JsonParser p = YAML.createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.error(SourceRef.file(file), "empty file; expected \"themes:\" followed by a list of themes");
                return Optional.empty();
            }
            root = read(p, file, problems);
        } catch (JsonProcessingException e) {
            problems.error(at(file, e.getLocation()), "not valid YAML: " + paperboy.parse.YamlMessages.of(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        long errorsBefore = problems.count(Severity.ERROR);
        List<Taxonomy.Entry> entries = entries(root, file, problems);
        if (problems.count(Severity.ERROR) > errorsBefore) return Optional.empty();
        return Optional.of(new Taxonomy(file, entries));
    }

    private List<Taxonomy.Entry> entries(Node root, Path file, Problems problems) {
        List<Taxonomy.Entry> out = new ArrayList<>();
        if (!(root instanceof Mapping m) || !(m.entries().get("themes") instanceof Sequence list)) {
            problems.error(SourceRef.of(file, root.line()), "expected \"themes:\" followed by a list of themes");
            return out;
        }
        for (String key : m.entries().keySet()) {
            if (!key.equals("themes")) problems.error(SourceRef.of(file, m.keyLines().get(key)), "unknown key \"" + key + "\"; known keys: themes");
        }
        Set<String> slugs = new HashSet<>();
        for (Node item : list.items()) {
            SourceRef at = SourceRef.of(file, item.line());
            if (!(item instanceof Mapping t)) {
                problems.error(at, "a theme is a mapping with name, keywords and/or papers");
                continue;
            }
            for (String key : t.entries().keySet()) {
                if (!THEME_KEYS.contains(key)) {
                    problems.error(SourceRef.of(file, t.keyLines().get(key)), "unknown key \"" + key
                            + "\"; known keys: description, keywords, name, papers, slug");
                }
            }
            Optional<String> name = text(t, "name", file, problems);
            if (name.isEmpty() || name.get().isBlank()) {
                problems.error(at, "a theme needs a name");
                continue;
            }
            String slug = text(t, "slug", file, problems).orElse(Slugs.base(name.get()));
            SourceRef slugAt = SourceRef.of(file, t.keyLines().getOrDefault("slug", item.line()));
            if (!SLUG.matcher(slug).matches()) {
                problems.error(slugAt, "slug \"" + slug + "\" must be lower-case letters, digits and single dashes");
            } else if (slug.equals(ThemeEngine.OTHER_SLUG)) {
                problems.error(slugAt, "slug \"other\" is reserved for papers that fit no theme");
            } else if (!slugs.add(slug)) {
                problems.error(slugAt, "slug \"" + slug + "\" is used by an earlier theme");
            }
            String description = text(t, "description", file, problems).orElse("");
            long errorsBefore = problems.count(Severity.ERROR);
            List<Scalar> keywords = list(t, "keywords", file, problems);
            for (Scalar k : keywords) {
                if (CuratedMatcher.glued(analyzer, k.text()).isEmpty()) {
                    problems.error(SourceRef.of(file, k.line()), "keyword \"" + k.text()
                            + "\" has no words left to match after removing stop words and numbers");
                }
            }
            List<Scalar> papers = list(t, "papers", file, problems);
            boolean listsOk = problems.count(Severity.ERROR) == errorsBefore; // one mistake, one message
            if (keywords.isEmpty() && papers.isEmpty() && listsOk) {
                problems.error(at, "theme \"" + name.get() + "\" needs keywords or papers, or it matches nothing");
            }
            out.add(new Taxonomy.Entry(slug, name.get().strip(), description.strip(),
                    keywords.stream().map(Scalar::text).toList(),
                    papers.stream().map(s -> new Taxonomy.Pin(s.text(), SourceRef.of(file, s.line()))).toList(), at));
        }
        if (list.items().isEmpty()) problems.error(SourceRef.of(file, list.line()), "the list of themes is empty");
        return out;
    }

    private static Optional<String> text(Mapping m, String key, Path file, Problems problems) {
        Node n = m.entries().get(key);
        if (n == null) return Optional.empty();
        if (n instanceof Scalar s && s.text() != null) return Optional.of(s.text());
        problems.error(SourceRef.of(file, n.line()), key + ": expected text");
        return Optional.empty();
    }

    private static List<Scalar> list(Mapping m, String key, Path file, Problems problems) {
        Node n = m.entries().get(key);
        if (n == null) return List.of();
        if (!(n instanceof Sequence seq)) {
            problems.error(SourceRef.of(file, n.line()), key + ": expected a list, e.g. [first, second]");
            return List.of();
        }
        List<Scalar> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof Scalar s && s.text() != null && !s.text().isBlank()) out.add(s);
            else problems.error(SourceRef.of(file, item.line()), key + ": every item must be non-empty text");
        }
        return out;
    }

    /** The value at the parser's current token, with line numbers; duplicate keys are errors. */
    private static Node read(JsonParser p, Path file, Problems problems) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                Node value = read(p, file, problems);
                if (entries.containsKey(key)) {
                    problems.error(SourceRef.of(file, keyLine), "duplicate key \"" + key + "\" (first on line "
                            + keyLines.get(key) + ")");
                    continue;
                }
                entries.put(key, value);
                keyLines.put(key, keyLine);
            }
            return new Mapping(entries, keyLines, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p, file, problems));
            return new Sequence(items, line);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }

    private static SourceRef at(Path file, JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? SourceRef.file(file) : SourceRef.of(file, loc.getLineNr());
    }
}
