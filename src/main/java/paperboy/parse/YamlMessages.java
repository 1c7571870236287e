package paperboy.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One-line messages for YAML errors. Jackson passes on SnakeYAML's multi-line text (with a code excerpt and
 * line numbers counted from wherever parsing started, which for front matter is not the file's first line)
 * and Java type names ("java.lang.Integer from Array value"); a problem line has its own position already.
 */
public final class YamlMessages {
    private YamlMessages() {}

    public static String of(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m) {
            String context = m.getContext();
            String problem = m.getProblem();
            return context == null ? problem : context + ": " + problem;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown key \"" + u.getPropertyName() + "\"";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + kind(m.getTargetType()) + " here";
        }
        return e.getOriginalMessage().lines().findFirst().orElse("").strip();
    }

    private static String kind(Class<?> type) {
        if (type == String.class) return "text";
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (Map.class.isAssignableFrom(type)) return "a mapping (key: value lines)";
        if (type.isEnum() || type.getName().startsWith("java.")) return "a single value";
        return "a mapping (key: value lines)";
    }
}
