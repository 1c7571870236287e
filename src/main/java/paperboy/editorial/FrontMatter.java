package paperboy.editorial;

import java.nio.file.Path;
import java.util.Collection;
import java.util.function.BiFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.model.SourceRef;
import paperboy.problems.Problems;
import paperboy.source.YamlTree;

/**
 * A Markdown file split into its YAML front matter (between a first line {@code ---} and the next {@code ---})
 * and its body. Keys remember their line, so problems point at them.
 *
 * @param yaml      the front matter text; empty when the file has none
 * @param body      the Markdown after it
 * @param keyLines  top-level key → 1-based line in the file
 * @param bodyLine  the line of the file the body starts at
 */
record FrontMatter(Path file, String yaml, String body, Map<String, Integer> keyLines, int bodyLine) {
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:");
    /** The front matter's first line is line 2 of the file. */
    private static final int FIRST_YAML_LINE = 2;

    static Optional<FrontMatter> split(Path file, String text, Problems problems) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return Optional.of(new FrontMatter(file, "", text, Map.of(), 1));
        }
        Map<String, Integer> keyLines = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("---") || line.strip().equals("...")) {
                String yaml = String.join("\n", lines.subList(1, i));
                String body = String.join("\n", lines.subList(i + 1, lines.size()));
                return Optional.of(new FrontMatter(file, yaml, body, keyLines, i + 2));
            }
            Matcher m = KEY.matcher(line);
            if (m.find()) keyLines.putIfAbsent(m.group(1), i + 1);
        }
        problems.error(SourceRef.of(file, 1), "front matter starts with \"---\" but has no closing \"---\" line");
        return Optional.empty();
    }

    /**
     * The front matter read by {@code reader} (an empty mapping when the file has none), or empty after reporting
     * what is wrong with it: a syntax error, a front matter that is not a mapping, an unknown key, or what
     * {@code reader} finds wrong with a value; all at their line.
     */
    <T> Optional<T> read(Collection<String> knownKeys, BiFunction<YamlTree.Mapping, Problems, T> reader,
                         Problems problems) {
        return read(knownKeys, reader, problems, true);
    }

    /** The same, with an unknown key a warning at its line instead of an error. */
    <T> Optional<T> readWarningOnUnknownKeys(Collection<String> knownKeys,
                                             BiFunction<YamlTree.Mapping, Problems, T> reader, Problems problems) {
        return read(knownKeys, reader, problems, false);
    }

    private <T> Optional<T> read(Collection<String> knownKeys, BiFunction<YamlTree.Mapping, Problems, T> reader,
                                 Problems problems, boolean unknownIsError) {
        Problems own = new Problems();
        YamlTree.Mapping m = new YamlTree.Mapping(Map.of(), Map.of(), SourceRef.of(file, 1));
        if (!yaml.isBlank()) {
            Optional<YamlTree.Node> root = YamlTree.read(file, yaml, FIRST_YAML_LINE, "front matter: ", own);
            if (root.isPresent() && root.get() instanceof YamlTree.Mapping mapping) {
                if (unknownIsError) {
                    YamlTree.onlyKnownKeys(mapping, knownKeys, "front matter key", "", own);
                } else {
                    mapping.keys().forEach((key, at) -> {
                        if (!knownKeys.contains(key)) {
                            own.warning(at, "unknown front matter key \"" + key + "\" (ignored); known keys: "
                                    + String.join(", ", new java.util.TreeSet<>(knownKeys)));
                        }
                    });
                }
                m = mapping;
            } else if (root.isPresent() && !(root.get() instanceof YamlTree.Scalar sc && sc.text() == null)) {
                own.error(root.get().at(), "front matter: expected key: value lines");
            }
        }
        Optional<T> value = own.hasErrors() ? Optional.empty() : Optional.of(reader.apply(m, own));
        own.sorted().forEach(problems::add);
        return own.hasErrors() ? Optional.empty() : value;
    }

    /** Where a key is, or the file's first line. */
    SourceRef keyAt(String key) {
        return SourceRef.of(file, keyLines.getOrDefault(key, 1));
    }
}
