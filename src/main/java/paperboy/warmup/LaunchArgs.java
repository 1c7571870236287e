package paperboy.warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the JDK argument file {@code target/paperboy.args} at package time: the options {@link FastStart} gives
 * the second JVM of a short run, then {@code -jar} and the jar. {@code java @target/paperboy.args build} then runs
 * the build in one JVM with the AOT cache, the quick JIT and the parallel collector: the first JVM of
 * {@code java -jar}, which only starts the second, is spared (README "Performance and incremental builds" has the
 * figures). For short runs: a from-scratch build of years of listings wants {@code java -jar}, which keeps the
 * optimising JIT for it. The file names the jar and the cache by their absolute paths and this machine's kernel
 * (huge pages); the JVM ignores a cache that no longer matches the jar or the JDK.
 */
public final class LaunchArgs {
    private LaunchArgs() {}

    /** {@code LaunchArgs JAR ARGFILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LaunchArgs JAR ARGFILE");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Files.writeString(Path.of(args[1]), String.join("\n", quoted(words(jar))) + "\n");
    }

    /** The launcher's words: one JVM (no relaunch), the short-run options, the cache when there is one, the jar. */
    static List<String> words(Path jar) {
        FastStart.Command plain = new FastStart.Command(List.of("java"), jar, 1);
        List<String> w = new ArrayList<>(List.of("-D" + FastStart.PROPERTY + "=false", "-XX:TieredStopAtLevel=1"));
        w.addAll(FastStart.hugePages(plain));
        w.addAll(FastStart.collector(plain));
        FastStart.Cache.beside(jar).ifPresent(c -> w.addAll(c.options()));
        w.add("-jar");
        w.add(jar.toString());
        return w;
    }

    /** Each word on its own line, in double quotes (backslashes and quotes escaped) where the file format needs it. */
    static List<String> quoted(List<String> words) {
        List<String> lines = new ArrayList<>();
        for (String w : words) {
            boolean plain = !w.isEmpty() && w.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\' || c == '#');
            lines.add(plain ? w : "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return lines;
    }
}
