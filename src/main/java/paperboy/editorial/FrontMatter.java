package paperboy.editorial;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.model.SourceRef;
import paperboy.parse.Problems;

/**
 * A Markdown file split into its YAML front matter (between a first line {@code ---} and the next {@code ---})
 * and its body. Keys remember their line, so problems point at them.
 *
 * @param yaml      the front matter text; empty when the file has none
 * @param body      the Markdown after it
 * @param keyLines  top-level key → 1-based line in the file
 */
record FrontMatter(Path file, String yaml, String body, Map<String, Integer> keyLines) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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

    /** The front matter read as {@code type}; unknown keys and bad values are errors at their line. */
    <T> Optional<T> read(Class<T> type, T ifEmpty, Problems problems) {
        if (yaml.isBlank()) return Optional.of(ifEmpty);
        try {
            T value = YAML.readValue(yaml, type);
            return Optional.of(value == null ? ifEmpty : value);
        } catch (UnrecognizedPropertyException e) {
            SourceRef where = keyLines.containsKey(e.getPropertyName()) ? keyAt(e.getPropertyName()) : at(e.getLocation());
            problems.error(where, "unknown front matter key \"" + e.getPropertyName() + "\"; known keys: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
        } catch (JsonProcessingException e) {
            problems.error(at(e.getLocation()), "front matter: " + paperboy.parse.YamlMessages.of(e));
        }
        return Optional.empty();
    }

    /** Where a key is, or the file's first line. */
    SourceRef keyAt(String key) {
        return SourceRef.of(file, keyLines.getOrDefault(key, 1));
    }

    private SourceRef at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return SourceRef.of(file, 1);
        return new SourceRef(file, loc.getLineNr() + FIRST_YAML_LINE - 1, Math.max(loc.getColumnNr(), 0));
    }
}
