package paperboy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: no package of src/main depends, directly or through others, on itself. Dependencies are
 * read from the sources: imports and fully qualified names in code (comments and strings left out).
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(paperboy(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertThat(deps).containsKeys("paperboy.cli", "paperboy.build", "paperboy.render", "paperboy.problems");
        assertThat(cycles(deps)).as("package cycles (each a strongly connected set of packages)").isEmpty();
    }

    @Test
    void theRenderEngineKnowsNoOutput() throws IOException {
        assertThat(dependencies().get("paperboy.render"))
                .noneMatch(p -> p.startsWith("paperboy.render.") && !p.equals("paperboy.render.view"));
    }

    /** Package → the other paperboy packages its classes name. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = COMMENTS_AND_STRINGS.matcher(Files.readString(f)).replaceAll(" ");
                Matcher pm = PACKAGE.matcher(code);
                if (!pm.find()) continue;
                String pkg = pm.group(1);
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(code.substring(pm.end()));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) out.add(m.group(1));
                }
            }
        }
        return deps;
    }

    /** Tarjan's strongly connected components of more than one package. */
    static List<Set<String>> cycles(Map<String, Set<String>> deps) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : deps.keySet()) {
            if (!index.containsKey(v)) connect(v, deps, index, low, stack, found);
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> deps, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : deps.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, deps, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) found.add(component);
        }
    }
}
