package paperboy.editorial;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.model.SourceRef;
import paperboy.parse.Problems;
import paperboy.parse.YamlTree;

/**
 * A Markdown file split into its YAML front matter (between a first line {@code ---} and the next {@code ---})
 * and its body. Keys remember their line, so problems point at them.
 *
 * @param yaml      the front matter text; empty when the file has none
 * @param body      the Markdown after it
 * @param keyLines  top-level key → 1-based line in the file
 */
record FrontMatter(Path file, String yaml, String body, Map<String, Integer> keyLines) {
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:");
    /** The front matter's first line is line 2 of the file. */
    private static final int FIRST_YAML_LINE = 2;

    static Optional<FrontMatter> split(Path file, String text, Problems problems) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return Optional.of(new FrontMatter(file, "", text, Map.of()));
        }
        Map<String, Integer> keyLines = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("---") || line.strip().equals("...")) {
                String yaml = String.join("\n", lines.subList(1, i));
                String body = String.join("\n", lines.subList(i + 1, lines.size()));
                return Optional.of(new FrontMatter(file, yaml, body, keyLines));
            }
            Matcher m = KEY.matcher(line);
            if (m.find()) keyLines.putIfAbsent(m.group(1), i + 1);
        }
        problems.error(SourceRef.of(file, 1), "front matter starts with \"---\" but has no closing \"---\" line");
        return Optional.empty();
    }

    /**
     * The front matter as a mapping (empty when the file has none); unknown keys, syntax errors and a front
     * matter that is not a mapping are errors at their line, and then the result is empty.
     */
    Optional<YamlTree.Mapping> read(Collection<String> knownKeys, Problems problems) {
        YamlTree.Mapping none = new YamlTree.Mapping(Map.of(), Map.of(), SourceRef.of(file, 1));
        if (yaml.isBlank()) return Optional.of(none);
        Problems own = new Problems();
        Optional<YamlTree.Node> root = YamlTree.read(file, yaml, FIRST_YAML_LINE, "front matter: ", own);
        Optional<YamlTree.Mapping> m = Optional.of(none);
        if (root.isPresent() && root.get() instanceof YamlTree.Mapping mapping) {
            YamlTree.onlyKnownKeys(mapping, knownKeys, "front matter key", "", own);
            m = Optional.of(mapping);
        } else if (root.isPresent() && !(root.get() instanceof YamlTree.Scalar sc && sc.text() == null)) {
            own.error(root.get().at(), "front matter: expected key: value lines");
        }
        own.sorted().forEach(problems::add);
        return own.hasErrors() ? Optional.empty() : m;
    }

    /** Where a key is, or the file's first line. */
    SourceRef keyAt(String key) {
        return SourceRef.of(file, keyLines.getOrDefault(key, 1));
    }
}
