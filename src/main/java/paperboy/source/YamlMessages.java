package paperboy.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One-line messages for YAML syntax errors. Jackson passes on SnakeYAML's multi-line text (with a code excerpt
 * and line numbers counted from wherever parsing started, which for front matter is not the file's first
 * line); a problem line has its own position already.
 */
public final class YamlMessages {
    private YamlMessages() {}

    public static String of(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m) {
            String context = m.getContext();
            String problem = m.getProblem();
            return context == null ? problem : context + ": " + problem;
        }
        return e.getOriginalMessage().lines().findFirst().orElse("").strip();
    }
}
