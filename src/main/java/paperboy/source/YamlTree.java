package paperboy.source;

import paperboy.problems.Problems;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import paperboy.model.SourceRef;

/**
 * A small YAML document (paperboy.yml, themes.yml, front matter) read into scalars, mappings and lists that
 * remember where they were written, so every problem is reported at its line and column.
 *
 * <p>Read with the streaming YAML parser rather than by data binding onto records: binding costs the JVM a few
 * hundred classes and a reflective walk of the records at every start, which is a good part of a small build.
 */
public final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {}

    /** A value with the place it starts at. */
    public sealed interface Node permits Scalar, Mapping, Sequence {
        SourceRef at();
    }

    /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
    public record Scalar(String text, SourceRef at) implements Node {}

    /** A mapping in the order written; {@code keys} holds where each key is. */
    public record Mapping(Map<String, Node> entries, Map<String, SourceRef> keys, SourceRef at) implements Node {
        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    public record Sequence(List<Node> items, SourceRef at) implements Node {}

    /**
     * The document in {@code text}, or empty when it is empty or not valid YAML (then reported).
     *
     * @param firstLine the file line {@code text} starts on (front matter starts on line 2)
     * @param what      how a syntax error is introduced, e.g. "front matter: "; may be empty
     */
    public static Optional<Node> read(Path file, String text, int firstLine, String what, Problems problems) {
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) return Optional.empty();
            Node root = node(p, file, firstLine - 1, problems);
            if (p.nextToken() != null) {
                problems.error(at(file, firstLine - 1, p.currentTokenLocation()),
                        what + "a second YAML document (after \"---\"): write everything in one");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.error(syntaxErrorAt(file, firstLine - 1, e), what + YamlMessages.of(e));
        } catch (IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Reports every key of {@code m} not in {@code known}, naming the known ones.
     *
     * @param noun   what a key is called in the message, e.g. "key" or "front matter key"
     * @param prefix put before the key's name, e.g. "themes." for a key of the themes section
     */
    public static boolean onlyKnownKeys(Mapping m, Collection<String> known, String noun, String prefix,
                                        Problems problems) {
        boolean ok = true;
        for (var e : m.keys().entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.error(e.getValue(), "unknown " + noun + " \"" + prefix + e.getKey() + "\"; known keys: "
                        + String.join(", ", new TreeSet<>(known)));
                ok = false;
            }
        }
        return ok;
    }

    /** The text at {@code key}; a list or mapping there is an error. */
    public static Optional<String> text(Mapping m, String key, Problems problems) {
        Node n = m.entries().get(key);
        if (n == null) return Optional.empty();
        if (n instanceof Scalar s) return Optional.ofNullable(s.text());
        problems.error(n.at(), "expected text here");
        return Optional.empty();
    }

    /** The whole number at {@code key}. */
    public static OptionalInt integer(Mapping m, String key, Problems problems) {
        Node n = m.entries().get(key);
        if (n == null || n instanceof Scalar s && s.text() == null) return OptionalInt.empty();
        if (n instanceof Scalar s) {
            try {
                return OptionalInt.of(Integer.parseInt(s.text().strip()));
            } catch (NumberFormatException e) {
                if (s.text().strip().matches("[-+]?\\d+")) {
                    problems.error(n.at(), key + ": " + s.text().strip() + " is too large a number");
                    return OptionalInt.empty();
                }
            }
        }
        problems.error(n.at(), "expected a number here");
        return OptionalInt.empty();
    }

    /** As {@link #integer(Mapping, String, Problems)}, and an error at its line unless {@code min ≤ n ≤ max}. */
    public static OptionalInt integer(Mapping m, String key, int min, int max, Problems problems) {
        OptionalInt n = integer(m, key, problems);
        if (n.isPresent() && (n.getAsInt() < min || n.getAsInt() > max)) {
            problems.error(m.entries().get(key).at(), key + ": " + n.getAsInt() + " is out of range; it must be from "
                    + min + " to " + max);
            return OptionalInt.empty();
        }
        return n;
    }

    /** true or false at {@code key} (YAML 1.1 spellings yes/no/on/off too). */
    public static Optional<Boolean> bool(Mapping m, String key, Problems problems) {
        Node n = m.entries().get(key);
        if (n == null || n instanceof Scalar s && s.text() == null) return Optional.empty();
        if (n instanceof Scalar s) {
            switch (s.text().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> { return Optional.of(true); }
                case "false", "no", "off" -> { return Optional.of(false); }
                default -> { }
            }
        }
        problems.error(n.at(), "expected true or false here");
        return Optional.empty();
    }

    /** The mapping at {@code key}; empty when the key is absent or null. */
    public static Optional<Mapping> mapping(Mapping m, String key, Problems problems) {
        Node n = m.entries().get(key);
        if (n == null || n instanceof Scalar s && s.text() == null) return Optional.empty();
        if (n instanceof Mapping inner) return Optional.of(inner);
        problems.error(n.at(), "expected a mapping (key: value lines) here");
        return Optional.empty();
    }

    /** The value at the parser's current token; a duplicate key is an error and the first value is kept. */
    private static Node node(JsonParser p, Path file, int lineOffset, Problems problems) throws IOException {
        SourceRef at = at(file, lineOffset, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, SourceRef> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                SourceRef keyAt = at(file, lineOffset, p.currentTokenLocation());
                p.nextToken();
                Node value = node(p, file, lineOffset, problems);
                if (entries.containsKey(key)) {
                    problems.error(keyAt, "duplicate key \"" + key + "\" (first on line " + keys.get(key).line() + ")");
                    continue;
                }
                entries.put(key, value);
                keys.put(key, keyAt);
            }
            return new Mapping(entries, keys, at);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(node(p, file, lineOffset, problems));
            return new Sequence(items, at);
        }
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            problems.error(at, "aliases (*" + p.getText() + ") are not supported here: write the value out");
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), at);
    }

    /** Where SnakeYAML saw the problem (its mark is 0-based), else where the parser stopped. */
    private static SourceRef syntaxErrorAt(Path file, int lineOffset, JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return new SourceRef(file, m.getProblemMark().getLine() + 1 + lineOffset, m.getProblemMark().getColumn() + 1);
        }
        return at(file, lineOffset, e.getLocation());
    }

    private static SourceRef at(Path file, int lineOffset, JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) return SourceRef.of(file, Math.max(lineOffset + 1, 1));
        return new SourceRef(file, loc.getLineNr() + lineOffset, Math.max(loc.getColumnNr(), 0));
    }
}
